/// A figure's change against the previous period as the report, the email and
/// the commit message write it: `▲ 2.4 pts` for a ratio (percentage points),
/// `▼ 3.5%` for a count or a mean (relative to the previous value).
public struct FigureChange: Sendable, Equatable {
    /// Which way the figure moved, as far as the shown precision tells.
    public enum Direction: Sendable, Equatable {
        /// Rose by at least 0.05 in the unit written.
        case up
        /// Fell by at least 0.05.
        case down
        /// Rounds to 0.0.
        case flat
    }

    /// Up, down, or flat when the change rounds to zero in the text.
    public var direction: Direction
    /// `▲ 2.4 pts`, `▼ 3.5%`, `● 0.0 pts`.
    public var text: String

    /// The change of a ratio (0...1) in percentage points; nil when either value is missing.
    public static func points(from before: Double?, to now: Double?) -> FigureChange? {
        guard let now, let before else { return nil }
        return FigureChange(shown: (now - before) * 100, unit: " pts")
    }

    /// The relative change of a count or a mean in percent; nil when either
    /// value is missing or the previous one is zero (no base to compare with).
    public static func relative(from before: Double?, to now: Double?) -> FigureChange? {
        guard let now, let before, before != 0 else { return nil }
        return FigureChange(shown: (now - before) / abs(before) * 100, unit: "%")
    }

    /// `shown` is the change in the unit written (points or percent), rounded to one decimal.
    private init?(shown: Double, unit: String) {
        guard shown.isFinite else { return nil }
        direction = shown >= 0.05 ? .up : shown <= -0.05 ? .down : .flat
        let arrow = switch direction {
        case .up: "▲"
        case .down: "▼"
        case .flat: "●"
        }
        text = arrow + " " + Figures.fixed(abs(shown), decimals: 1) + unit
    }
}
