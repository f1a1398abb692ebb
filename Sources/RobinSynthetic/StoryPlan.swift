/// A `Storyline` resolved against the catalog once: days as day numbers,
/// buildings and floors as indices, departments as per-person flags, so the
/// row loops ask cheap questions.
struct StoryPlan: Sendable {
    private let holidays: Set<Int>
    private let quietDays: Set<Int>
    private let awayDays: ClosedRange<Int>?
    /// Per person: in the department that is away.
    private let isAway: [Bool]
    /// Per person: in the department with the anchor day.
    private let isAnchored: [Bool]
    /// The anchor weekday, 0 = Monday.
    private let anchorWeekday: Int
    private let floor: (building: Int, floor: Int, from: Int, to: Int, remaining: Double)?
    private let busy: (building: Int, day: Int)?
    private let today: Int?

    init(_ story: Storyline, buildings: [Building], people: [Person]) {
        holidays = Set(story.holidays.map(\.daysSinceEpoch))
        quietDays = Set(story.quietDays.map(\.daysSinceEpoch))
        awayDays = story.away.map { $0.dates.from.daysSinceEpoch...$0.dates.to.daysSinceEpoch }
        let members = { (department: String?) -> [Bool] in
            let bytes = department.map { CSVField($0).bytes }
            return people.map { bytes != nil && $0.department.bytes == bytes }
        }
        isAway = members(story.away?.department)
        isAnchored = members(story.anchor?.department)
        anchorWeekday = (story.anchor?.weekday ?? 1) - 1
        floor = story.emptyingFloor.flatMap { floor in
            buildings.firstIndex { $0.name == floor.building }.map {
                ($0, floor.floor - 1, floor.from.daysSinceEpoch, floor.to.daysSinceEpoch, floor.remaining)
            }
        }
        busy = story.busyDay.flatMap { day in
            buildings.firstIndex { $0.name == day.building }.map { ($0, day.date.daysSinceEpoch) }
        }
        today = story.today?.daysSinceEpoch
    }

    /// How busy `day` is against a usual one: 3% on a holiday, 20% on a quiet day, else 1.
    func dayScale(_ day: Int) -> Double {
        holidays.contains(day) ? 0.03 : quietDays.contains(day) ? 0.2 : 1
    }

    /// Whether `day` is a public holiday (rooms as at a weekend).
    func isHoliday(_ day: Int) -> Bool { holidays.contains(day) }

    /// Whether `day` is on or after the day the exports are taken: only advance bookings.
    func isAhead(_ day: Int) -> Bool { today.map { day >= $0 } ?? false }

    /// Whether `building` is filled by an all-hands on `day`.
    func isBusy(building: Int, day: Int) -> Bool { busy.map { $0.building == building && $0.day == day } ?? false }

    /// The chance that `person` comes in to `building` on `day` (weekday 0 = Monday), given their usual `chance`.
    func chance(_ chance: Double, person: Int, building: Int, day: Int, weekday: Int) -> Double {
        if holidays.contains(day) { return chance * 0.03 }
        var chance = chance * dayScale(day)
        if isAnchored[person], weekday < 5 {
            chance = weekday == anchorWeekday ? max(chance, 0.95) : chance * 0.35
        }
        if isAway[person], awayDays?.contains(day) == true { chance /= 5 }
        if isBusy(building: building, day: day) { return max(chance, 0.8) }
        // A week ahead, about three bookings in five are made.
        return isAhead(day) ? chance * 0.6 : chance
    }

    /// The emptying floor of `building` on `day` and the share of its bookings it
    /// keeps; nil when none of the building's floors is emptying.
    func emptying(building: Int, day: Int) -> (floor: Int, keep: Double)? {
        guard let floor, floor.building == building else { return nil }
        if day <= floor.from { return (floor.floor, 1) }
        if day >= floor.to { return (floor.floor, floor.remaining) }
        let progress = Double(day - floor.from) / Double(floor.to - floor.from)
        return (floor.floor, 1 - progress * (1 - floor.remaining))
    }
}
