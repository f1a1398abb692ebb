import RobinModel

/// Calendar arithmetic on days since 1970-01-01, delegated to `LocalDate`
/// (integer-only civil-from-days) so timestamps never touch Foundation.
enum CivilDate {
    @inline(__always)
    static func components(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        LocalDate(daysSinceEpoch: days).components
    }

    /// `floor(seconds / 86400)`.
    @inline(__always)
    static func day(ofUnixSeconds seconds: Int64) -> Int {
        let days = Int(seconds / 86_400)
        return seconds % 86_400 < 0 ? days - 1 : days
    }
}
