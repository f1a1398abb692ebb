extension MetricsDocument {
    /// One entry of `insights` (docs/metrics.md "Insights") as read: `kind` and whichever of
    /// the fields its kind carries; the rest nil. A kind this reader does not know is
    /// kept with its fields, so a report can skip it.
    public struct Insight: Sendable, Equatable, Decodable {
        /// `mover`, `target`, `low_day`, `capacity`, `busy_day` (or a later kind).
        public var kind: String
        /// `measure` (movers, targets): `avg_daily_people`, `desk_utilization`, `utilization`, a target key.
        public var measure: String?
        /// `group`: `building`, `floor`, `department` fields; empty for the org or when absent.
        public var group = GroupKey([])
        /// `value` (movers, targets).
        public var value: Double?
        /// `previous` (movers).
        public var previous: Double?
        /// `change` = value - previous (movers; may be negative).
        public var change: Double?
        /// `relative_change` = change / previous (movers; may be negative; nil when previous was 0).
        public var relativeChange: Double?
        /// `baseline` (movers): the measure's mean over earlier periods; nil when fewer than 3.
        public var baseline: Double?
        /// `target` (targets).
        public var target: Double?
        /// `status`: `met`/`near`/`missed` (targets), `consolidate`/`at_risk` (capacity).
        public var status: String?
        /// `date` (low days, busy days).
        public var date: LocalDate?
        /// `people` (low days).
        public var people: Int?
        /// `usual` (low days): the weekday's median attendance.
        public var usual: Double?
        /// `peak_occupancy` (capacity).
        public var peakOccupancy: Double?
        /// `booked_share` (busy days).
        public var bookedShare: Double?

        enum CodingKeys: String, CodingKey {
            case kind, measure, group, value, previous, change, relativeChange = "relative_change", baseline, target
            case status, date, people, usual, peakOccupancy = "peak_occupancy", bookedShare = "booked_share"
        }

        enum GroupKeys: String, CodingKey {
            case building, floor, department
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decode(String.self, forKey: .kind)
            measure = try c.decodeIfPresent(String.self, forKey: .measure)
            if c.contains(.group), try !c.decodeNil(forKey: .group) {
                group = try c.nestedContainer(keyedBy: GroupKeys.self, forKey: .group)
                    .groupKey([.building, .floor, .department])
            }
            value = try c.figure(.value, signed: true)
            previous = try c.figure(.previous, signed: true)
            change = try c.figure(.change, signed: true)
            relativeChange = try c.figure(.relativeChange, signed: true)
            baseline = try c.figure(.baseline, signed: true)
            target = try c.figure(.target)
            status = try c.decodeIfPresent(String.self, forKey: .status)
            date = try c.date(.date)
            people = try c.count(.people)
            usual = try c.figure(.usual)
            peakOccupancy = try c.figure(.peakOccupancy)
            bookedShare = try c.figure(.bookedShare)
        }
    }

    /// `capacity`: desk capacity per building and floor.
    public struct Capacity: Sendable, Equatable, Decodable {
        /// `by_building`, keyed by `building`.
        public var byBuilding: [CapacityGroup] = []
        /// `by_floor`, keyed by `building`, `floor`.
        public var byFloor: [CapacityGroup] = []

        enum CodingKeys: String, CodingKey {
            case byBuilding = "by_building", byFloor = "by_floor"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            byBuilding = try c.list(.byBuilding)
            byFloor = try c.list(.byFloor)
        }
    }

    /// One building's or floor's capacity; every figure nil when absent or null.
    public struct CapacityGroup: Sendable, Equatable, Decodable {
        /// `building`, or `building`, `floor`.
        public var key = GroupKey([])
        /// `desks` (= `desks_seen`).
        public var desks: Int?
        /// The most desks used on one workday.
        public var peakDesksUsed: Int?
        /// That workday.
        public var peakDate: LocalDate?
        /// `peak_desks_used / desks`.
        public var peakOccupancy: Double?
        /// `people / desks`.
        public var sharingRatio: Double?
        /// `consolidate`, `ok` or `at_risk`.
        public var status: String?

        enum CodingKeys: String, CodingKey {
            case building, floor, desks, peakDesksUsed = "peak_desks_used", peakDate = "peak_date"
            case peakOccupancy = "peak_occupancy", sharingRatio = "sharing_ratio", status
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.groupKey([.building, .floor])
            desks = try c.count(.desks)
            peakDesksUsed = try c.count(.peakDesksUsed)
            peakDate = try c.date(.peakDate)
            peakOccupancy = try c.figure(.peakOccupancy)
            sharingRatio = try c.figure(.sharingRatio)
            status = try c.decodeIfPresent(String.self, forKey: .status)
        }
    }

    /// `colocation`: anchor days per department.
    public struct Colocation: Sendable, Equatable, Decodable {
        /// `by_department`, keyed by `department`.
        public var byDepartment: [AnchorDays] = []

        enum CodingKeys: String, CodingKey {
            case byDepartment = "by_department"
        }

        public init(from decoder: any Decoder) throws {
            byDepartment = try decoder.container(keyedBy: CodingKeys.self).list(.byDepartment)
        }
    }

    /// One department's weekday pattern; every figure nil when absent or null.
    public struct AnchorDays: Sendable, Equatable, Decodable {
        /// `department`.
        public var key = GroupKey([])
        /// The department's people.
        public var people: Int?
        /// `weekday_share`: `Mon`..`Sun` in that order, the weekdays the file lists.
        public var weekdayShare: [WeekdayShare] = []
        /// `Mon`..`Sun`: the weekday most of the department comes in.
        public var anchorWeekday: String?
        /// That weekday's share.
        public var anchorShare: Double?
        /// How many of the others a present person finds in, on average (0...1).
        public var coPresence: Double?

        enum CodingKeys: String, CodingKey {
            case department, people, weekdayShare = "weekday_share", anchorWeekday = "anchor_weekday"
            case anchorShare = "anchor_share", coPresence = "co_presence"
        }

        /// A weekday name as a key of `weekday_share`.
        struct WeekdayKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.groupKey([.department])
            people = try c.count(.people)
            if c.contains(.weekdayShare), try !c.decodeNil(forKey: .weekdayShare) {
                let shares = try c.nestedContainer(keyedBy: WeekdayKey.self, forKey: .weekdayShare)
                weekdayShare = try Weekday.names.compactMap { name in
                    let key = WeekdayKey(stringValue: name)
                    return shares.contains(key) ? WeekdayShare(weekday: name, share: try shares.figure(key)) : nil
                }
            }
            anchorWeekday = try c.decodeIfPresent(String.self, forKey: .anchorWeekday)
            anchorShare = try c.figure(.anchorShare)
            coPresence = try c.figure(.coPresence)
        }

    }

    /// One weekday of `weekday_share`.
    public struct WeekdayShare: Sendable, Equatable {
        /// `Mon`..`Sun`.
        public var weekday: String
        /// Mean share of the department present on that weekday; nil when the period had no such workday.
        public var share: Double?
    }

    /// `forward`: desk bookings of the 7 days after the period.
    public struct Forward: Sendable, Equatable, Decodable {
        /// `from` ... `to`.
        public var period: Period
        /// `by_building`: one entry per building and date.
        public var byBuilding: [ForwardDay] = []

        enum CodingKeys: String, CodingKey {
            case from, to, byBuilding = "by_building"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let from = try c.requiredDate(.from), to = try c.requiredDate(.to)
            guard let period = Period(from: from, to: to) else {
                throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: "\(to) is before from (\(from))")
            }
            self.period = period
            byBuilding = try c.list(.byBuilding)
        }
    }

    /// One building on one date ahead.
    public struct ForwardDay: Sendable, Equatable, Decodable {
        /// `building`.
        public var building: String
        /// `date`.
        public var date: LocalDate
        /// Desk rows not canceled.
        public var booked: Int?
        /// The building's desks in the period.
        public var desks: Int?
        /// `booked / desks`.
        public var bookedShare: Double?

        enum CodingKeys: String, CodingKey {
            case building, date, booked, desks, bookedShare = "booked_share"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            building = try c.decode(String.self, forKey: .building)
            date = try c.requiredDate(.date)
            booked = try c.count(.booked)
            desks = try c.count(.desks)
            bookedShare = try c.figure(.bookedShare)
        }
    }
}
