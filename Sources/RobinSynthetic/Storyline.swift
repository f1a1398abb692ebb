import RobinModel

/// Things that happen to the synthetic organisation on given dates, so that a
/// report made from it has something to say (docs/metrics.md "Insights"): a public
/// holiday, a bridge day, a department away, a floor slowly emptying, a team
/// with an anchor day, an all-hands filling a building, and the day the exports
/// are taken (later days hold only bookings made in advance).
///
/// Opt-in: an organisation without one generates exactly the rows it always
/// did, so fixtures, tests and benchmarks keep their bytes. Dates are local
/// dates of each building; the story is a pure function of its fields, so the
/// same story gives the same rows.
public struct Storyline: Sendable, Equatable {
    /// Public holidays: almost nobody comes in (3% of a usual day) and rooms stand as at a weekend.
    public var holidays: Set<LocalDate> = []
    /// Days most people stay home (a transit strike, a storm): 20% of a usual day.
    public var quietDays: Set<LocalDate> = []
    /// A department mostly away (an offsite): a fifth of its usual attendance on these dates.
    public var away: Away?
    /// A floor whose bookings move to the building's other floors, more each day.
    public var emptyingFloor: EmptyingFloor?
    /// A department that comes in together on one weekday.
    public var anchor: Anchor?
    /// A building nearly everyone books a desk in on one date (an all-hands).
    public var busyDay: BusyDay?
    /// The day the exports are taken: on it and after, desk rows are only the
    /// bookings made in advance (no walk-up hot-desk sessions) and none is yet
    /// checked in or released. Nil: every day is in the past.
    public var today: LocalDate?

    public init() {}

    /// A department away on `dates`.
    public struct Away: Sendable, Equatable {
        /// The department's name (the `Assignee Department` column).
        public var department: String
        /// The dates it is away, local.
        public var dates: Period

        public init(department: String, dates: Period) {
            self.department = department
            self.dates = dates
        }
    }

    /// A floor emptying linearly from `from` (all its bookings) to `to` (`remaining`
    /// of them; the rest go to the building's other floors), and staying so after.
    public struct EmptyingFloor: Sendable, Equatable {
        /// The building's name.
        public var building: String
        /// The floor's number in its building, 1 = the lowest (`BuildingLayout`'s order).
        public var floor: Int
        /// The last date the floor is as busy as ever.
        public var from: LocalDate
        /// The date its bookings reach `remaining`.
        public var to: LocalDate
        /// The share of its bookings the floor keeps from `to` on (0...1).
        public var remaining: Double

        public init(building: String, floor: Int, from: LocalDate, to: LocalDate, remaining: Double) {
            self.building = building
            self.floor = floor
            self.from = from
            self.to = to
            self.remaining = remaining
        }
    }

    /// A department nearly all in on `weekday` and seldom on other days.
    public struct Anchor: Sendable, Equatable {
        /// The department's name.
        public var department: String
        /// ISO weekday, 1 = Monday.
        public var weekday: Int

        public init(department: String, weekday: Int) {
            self.department = department
            self.weekday = weekday
        }
    }

    /// A building nearly everyone books on `date`.
    public struct BusyDay: Sendable, Equatable {
        /// The building's name.
        public var building: String
        /// The local date.
        public var date: LocalDate

        public init(building: String, date: LocalDate) {
            self.building = building
            self.date = date
        }
    }

    /// The demo's story around the ISO week `week` (Monday to Sunday): Monday a
    /// quiet day (a strike), Friday a public holiday; Sales at an offsite all week; London's
    /// top floor (Level 2) emptying over the eight weeks up to it; Marketing in on
    /// Wednesdays; the exports taken the Monday after, with an all-hands filling
    /// London the Tuesday after.
    public static func demo(week: Period) -> Storyline {
        var story = Storyline()
        // A quiet Monday and a Friday off leave the week's average near the usual one,
        // so they do not make every building look like it moved.
        story.quietDays = [week.from]
        story.holidays = [week.from.adding(days: 4)]
        story.away = Away(department: "Sales", dates: Period(from: week.from, to: week.from.adding(days: 4))!)
        story.emptyingFloor = EmptyingFloor(building: "London", floor: 3, from: week.from.adding(days: -56),
                                            to: week.to, remaining: 0.02)
        story.anchor = Anchor(department: "Marketing", weekday: 3)
        story.today = week.to.adding(days: 1)
        story.busyDay = BusyDay(building: "London", date: week.to.adding(days: 2))
        return story
    }
}
