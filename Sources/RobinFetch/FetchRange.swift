import RobinModel

/// Days of some export kinds to bring into the cache: a report asks for its
/// trend, previous and own periods in both kinds, and for the 7 days after
/// the period in desks only (bookings ahead, docs/metrics.md "Busy days ahead").
public struct FetchRange: Sendable, Hashable {
    /// The local days.
    public var days: Period
    /// The exports wanted for each of them.
    public var kinds: [ExportKind]

    public init(days: Period, kinds: [ExportKind] = ExportKind.allCases) {
        self.days = days
        self.kinds = kinds
    }
}
