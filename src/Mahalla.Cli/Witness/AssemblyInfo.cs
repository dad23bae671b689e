using System.Runtime.CompilerServices;

// The tlog tests drive the witness server in-process over real HTTP; the platform's tests also run the
// offline verifier against the platform's receipts and witness the platform's checkpoints.
[assembly: InternalsVisibleTo("Mahalla.Tlog.Tests")]
[assembly: InternalsVisibleTo("Mahalla.Tests")]
