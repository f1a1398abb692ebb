extension MetricsDocument {
    /// `rooms` of metrics.json: each list is empty when absent.
    public struct Rooms: Sendable, Equatable, Decodable {
        /// `rooms.total`; every figure nil when absent.
        public var total = RoomGroup()
        /// `by_building`, keyed by `building`.
        public var byBuilding: [RoomGroup] = []
        /// `by_floor`, keyed by `building`, `floor`.
        public var byFloor: [RoomGroup] = []
        /// `by_space`, keyed by `building`, `floor`, `space`, `space_id`.
        public var bySpace: [RoomGroup] = []
        /// `by_department` (host department), keyed by `department`.
        public var byDepartment: [RoomGroup] = []
        /// `heatmap`: 7 x 24 weekday-hours.
        public var heatmap: [HeatmapHour] = []

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case total, byBuilding = "by_building", byFloor = "by_floor", bySpace = "by_space"
            case byDepartment = "by_department", heatmap
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            total = try c.decodeIfPresent(RoomGroup.self, forKey: .total) ?? RoomGroup()
            byBuilding = try c.list(.byBuilding)
            byFloor = try c.list(.byFloor)
            bySpace = try c.list(.bySpace)
            byDepartment = try c.list(.byDepartment)
            heatmap = try c.list(.heatmap)
        }
    }

    /// One room group (or `total`): docs/metrics.md "Rooms". Ratios are 0...1;
    /// every figure is nil when absent from the file or null in it.
    public struct RoomGroup: Sendable, Equatable, Decodable {
        /// The key fields (`building`, `floor`, `space`, `space_id`, `department`); empty for `total`.
        public var key = GroupKey([])
        /// Rows.
        public var events: Int?
        /// Events neither canceled nor declined.
        public var meetings: Int?
        /// Canceled events.
        public var canceled: Int?
        /// Events the room declined.
        public var declined: Int?
        /// Ghost meetings: unbooked for lack of a check-in.
        public var autoUnbooked: Int?
        /// Meetings checked in.
        public var checkedIn: Int?
        /// Meetings marked All Day Event; nil in reports written before it existed.
        public var allDay: Int?
        /// `auto_unbooked / meetings`.
        public var ghostRate: Double?
        /// `checked_in / meetings`.
        public var checkInRate: Double?
        /// Hours of meetings.
        public var bookedHours: Double?
        /// Mean meeting duration in minutes.
        public var avgMeetingMinutes: Double?
        /// Rooms seen in the rows, or the configured inventory.
        public var roomsSeen: Int?
        /// Meeting time in business hours / room hours available (Robin's definition).
        public var utilization: Double?
        /// Mean attendees where known.
        public var avgAttendees: Double?
        /// Mean attendees / capacity.
        public var avgFill: Double?
        /// Share of meetings with at most half as many attendees as seats.
        public var oversizedShare: Double?
        /// Mean minutes between start and check-in; may be negative (early check-ins).
        public var avgMinutesDelayed: Double?

        /// A group with no key and every figure absent.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case building, floor, space, spaceID = "space_id", department
            case events, meetings, canceled, declined, autoUnbooked = "auto_unbooked", checkedIn = "checked_in"
            case allDay = "all_day", ghostRate = "ghost_rate", checkInRate = "check_in_rate", bookedHours = "booked_hours"
            case avgMeetingMinutes = "avg_meeting_minutes"
            case roomsSeen = "rooms_seen", utilization, avgAttendees = "avg_attendees", avgFill = "avg_fill"
            case oversizedShare = "oversized_share", avgMinutesDelayed = "avg_minutes_delayed"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.groupKey([.building, .floor, .space, .spaceID, .department])
            events = try c.count(.events)
            meetings = try c.count(.meetings)
            canceled = try c.count(.canceled)
            declined = try c.count(.declined)
            autoUnbooked = try c.count(.autoUnbooked)
            checkedIn = try c.count(.checkedIn)
            allDay = try c.count(.allDay)
            ghostRate = try c.figure(.ghostRate)
            checkInRate = try c.figure(.checkInRate)
            bookedHours = try c.figure(.bookedHours)
            avgMeetingMinutes = try c.figure(.avgMeetingMinutes)
            roomsSeen = try c.count(.roomsSeen)
            utilization = try c.figure(.utilization)
            avgAttendees = try c.figure(.avgAttendees)
            avgFill = try c.figure(.avgFill)
            oversizedShare = try c.figure(.oversizedShare)
            avgMinutesDelayed = try c.figure(.avgMinutesDelayed, signed: true)
        }
    }

    /// One weekday-hour of `rooms.heatmap`.
    public struct HeatmapHour: Sendable, Equatable, Decodable {
        /// `Mon`..`Sun`; nil when absent.
        public var weekday: String?
        /// 0...23; nil when absent.
        public var hour: Int?
        /// Mean share of rooms booked; nil when the period has no such weekday.
        public var share: Double?

        enum CodingKeys: String, CodingKey {
            case weekday, hour, share
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            weekday = try c.decodeIfPresent(String.self, forKey: .weekday)
            hour = try c.count(.hour)
            share = try c.figure(.share)
        }
    }
}
