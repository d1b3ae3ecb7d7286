namespace Agenda.Rmi.Capture;

/// <summary>The <c>Rmi:Capture</c> settings: whether recording starts on, and the bounds that keep it from growing.</summary>
public sealed class WireCaptureOptions
{
    /// <summary>Record from startup; the UI and REST turn it on and off at run time either way.</summary>
    public bool Enabled { get; set; }

    /// <summary>Messages kept; the oldest are dropped first.</summary>
    public int MaxMessages { get; set; } = 10_000;

    /// <summary>Bytes of messages kept (with a fixed allowance per record); the oldest are dropped first.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A message longer than this is kept cut to this length, with its real length beside it.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Diagnoses kept, also while not recording.</summary>
    public int MaxDiagnoses { get; set; } = 1_000;
}
