using System.Globalization;
using System.Net;
using System.Text;
using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Witnessing;

/// <summary>
/// The log's side of tlog-witness: submits a checkpoint with a consistency proof and returns the witness's
/// signature lines. They are not verified here: append them with <see cref="Note.WithSignatures"/> and
/// verify the result with a <see cref="Checkpoints.CheckpointPolicy"/> that knows the witness keys.
/// </summary>
public sealed class WitnessClient(HttpClient http)
{
    /// <summary>
    /// Asks the witness at <paramref name="submissionPrefix"/> to cosign <paramref name="checkpoint"/>,
    /// starting from <paramref name="oldSize"/> (the size it is believed to hold; 0 if unknown). On 409 the
    /// request is retried once from the size the witness reports. <paramref name="consistencyProof"/> gives
    /// the proof from a size to the checkpoint's size (it is not called for size 0).
    /// </summary>
    /// <exception cref="WitnessRequestException">The witness refused or answered something unusable.</exception>
    public async Task<IReadOnlyList<NoteSignature>> AddCheckpointAsync(
        Uri submissionPrefix,
        Note checkpoint,
        long checkpointSize,
        long oldSize,
        Func<long, CancellationToken, ValueTask<IReadOnlyList<byte[]>>> consistencyProof,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submissionPrefix);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(consistencyProof);
        var url = new Uri(submissionPrefix.ToString().TrimEnd('/') + "/add-checkpoint");
        for (var attempt = 0; ; attempt++)
        {
            var proof = oldSize == 0 || oldSize == checkpointSize ? [] : await consistencyProof(oldSize, cancellationToken).ConfigureAwait(false);
            var body = new AddCheckpointRequest(oldSize, proof, checkpoint).Format();
            using var content = new StringContent(body, new UTF8Encoding(false), "text/plain");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict && attempt == 0
                && long.TryParse(text.TrimEnd('\n'), NumberStyles.None, CultureInfo.InvariantCulture, out var witnessSize)
                && witnessSize <= checkpointSize && witnessSize != oldSize)
            {
                oldSize = witnessSize;
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new WitnessRequestException((int)response.StatusCode, text.Trim());
            }

            if (text.Length == 0 || !text.EndsWith('\n'))
            {
                throw new WitnessRequestException(200, "the witness answered no signature lines");
            }

            try
            {
                return [.. text[..^1].Split('\n').Select(NoteSignature.ParseLine)];
            }
            catch (NoteFormatException e)
            {
                throw new WitnessRequestException(200, $"the witness answered a malformed signature line: {e.Message}");
            }
        }
    }
}

/// <summary>A witness refused a checkpoint or answered badly.</summary>
public sealed class WitnessRequestException(int statusCode, string message)
    : Exception($"witness answered {statusCode}: {message}")
{
    /// <summary>The HTTP status the witness answered.</summary>
    public int StatusCode { get; } = statusCode;
}
