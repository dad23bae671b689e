using System.Runtime.CompilerServices;

// The tlog tests drive the witness server in-process over real HTTP.
[assembly: InternalsVisibleTo("Mahalla.Tlog.Tests")]
