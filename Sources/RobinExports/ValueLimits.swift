/// Limits of the exports' numeric columns (METRICS.md "Input facts": a number
/// out of range is read as empty, with a warning).
public enum ValueLimits {
    /// 366 days in minutes: no booking lasts longer (`Minute Duration`, `Minutes Delayed`).
    public static let minutes = 527_040.0
    /// 366 days in hours (`Hour Duration`).
    public static let hours = 8_784.0
    /// The most people a room or a meeting can hold (`Capacity`, `Attendees`).
    public static let people = 100_000.0
    /// No limit beyond being a finite number.
    public static let anyFinite = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
}
