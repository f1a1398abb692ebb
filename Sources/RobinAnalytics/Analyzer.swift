import RobinExports
import RobinModel

/// The analytics stage: exports in, `Metrics` out. Names, emails and titles do
/// not get past this point (the tables hold ids only; departments below
/// `min_group_size` are folded).
///
/// Every period's metrics come from day facts (`FactBook`): each local date
/// analysed once into its groups' counts, exact sums and id sets, any period
/// then combined from its dates. The table methods build the facts of the
/// dates they need and combine them; the report job keeps facts between runs.
public struct Analyzer: Sendable {
    public let settings: Settings
    /// The desk rows whose attended days count toward `policy_adherence`
    /// (METRICS.md: days "in the whole org"); nil = the rows analysed. An
    /// audience's report analyses its own rows but passes the organisation's
    /// here, so that a person in London two days and in Singapore one is
    /// judged on three days, as in the organisation's report. Its person ids
    /// must be those of the rows analysed (`DeskTable.filtered` keeps them).
    public var policyDesks: DeskTable?

    public init(settings: Settings, policyDesks: DeskTable? = nil) {
        self.settings = settings
        self.policyDesks = policyDesks
    }

    /// Every metric of METRICS.md for `period` alone, with its `capacity` and
    /// `colocation` (previous = nil, no insights, forward = nil: see
    /// `metrics(desks:events:period:trend:isAtHand:forward:)`).
    public func metrics(desks: DeskTable, events: EventTable, period: Period) throws(AnalysisError) -> Metrics {
        metrics(facts: try facts(desks: desks, events: events, days: period.from...period.to), period: period)
    }

    /// The day facts of `desks` and `events` on `days` (nil = every date of
    /// their rows), with `policyDesks`' as the policy facts when set. The
    /// tables' own dense ids identify persons, desks and rooms: facts from
    /// two calls cannot be combined.
    public func facts(desks: DeskTable, events: EventTable,
                      days: ClosedRange<LocalDate>?) throws(AnalysisError) -> FactBook {
        let wanted = days.map { $0.lowerBound.daysSinceEpoch...$0.upperBound.daysSinceEpoch }
        let policy = policyDesks
        // One id space for the rows and the policy rows: a filtered table keeps the ids of the table it came from.
        let deskIDs = IDSpace.dense(persons: max(desks.personCount, policy?.personCount ?? 0),
                                    places: max(desks.deskCount, policy?.deskCount ?? 0))
        var book = FactBook()
        book.add(desks: try DeskFactsBuilder(table: desks, settings: settings, ids: deskIDs, wanted: wanted).build())
        book.add(rooms: try RoomFactsBuilder(table: events, settings: settings,
                                             ids: .dense(persons: events.hostCount, places: events.spaceIDs.count),
                                             wanted: wanted).build())
        if let policy {
            var organization = FactBook()
            organization.add(desks: try DeskFactsBuilder(table: policy, settings: settings, ids: deskIDs, wanted: wanted,
                                                         totalOnly: true).build())
            book.setPolicy(organization)
        }
        return book
    }

    /// Every metric of METRICS.md for `period` alone, combined from the facts
    /// of its dates (see `metrics(desks:events:period:)`).
    public func metrics(facts book: FactBook, period: Period) -> Metrics {
        metrics(facts: book, period: period, ids: book.combinedIDs)
    }

    /// - Parameter spaces: false leaves `rooms.by_space` empty (trend periods nothing reads it of).
    func metrics(facts book: FactBook, period: Period, ids: (desks: CombinedIDs, rooms: CombinedIDs),
                 spaces: Bool = true) -> Metrics {
        let calendar = PeriodCalendar(period: period, settings: settings)
        let desk = DeskAnalysis(calendar: calendar, settings: settings, ids: ids.desks).run(
            days: book.desks(in: period, from: book.desks),
            policy: book.policy.map { book.desks(in: period, from: $0) })
        return Metrics(
            period: period, workdays: calendar.workdays, desks: desk.metrics,
            rooms: RoomAnalysis(calendar: calendar, settings: settings, ids: ids.rooms, spaces: spaces)
                .run(days: book.rooms(in: period)),
            colocation: desk.colocation, capacity: desk.capacity)
    }
}
