/// The spaces (room events) export's columns that the metrics read (Robin's
/// "Event Export Fields"); titles and names are never read.
enum EventColumn: Int, ExportColumn {
    case building, floor, space, spaceID, eventID, eventStatus, updatedAt, capacity, attendees
    case startedAt, endedAt, minuteDuration, checkedInAt, minutesDelayed, autoUnbookedAt
    case hostDepartment, hostEmail, hostName, allDay

    var header: String {
        switch self {
        case .building: "Building"
        case .floor: "Floor"
        case .space: "Space"
        case .spaceID: "Space ID"
        case .eventID: "Event ID"
        case .eventStatus: "Event Status"
        case .updatedAt: "Updated At (UTC)"
        case .capacity: "Capacity"
        case .attendees: "Attendees"
        case .startedAt: "Started At (UTC)"
        case .endedAt: "Ended At (UTC)"
        case .minuteDuration: "Minute Duration"
        case .checkedInAt: "Checked In At (UTC)"
        case .minutesDelayed: "Minutes Delayed"
        case .autoUnbookedAt: "Automatically Unbooked At (UTC)"
        case .hostDepartment: "Host Department"
        case .hostEmail: "Host Robin Email"
        case .hostName: "Host Robin Name"
        case .allDay: "All Day Event"
        }
    }

    /// Robin's UI event export calls the floor `Level`.
    var aliases: [String] { self == .floor ? ["Level"] : [] }

    /// `All Day Event` is missing from some exports (then no event is all-day).
    var isRequired: Bool { self != .allDay }

    var emptyLabel: StaticString? {
        switch self {
        case .building: "(no building)"
        case .floor: "(no floor)"
        case .hostDepartment: "(no department)"
        default: nil
        }
    }

    var range: ClosedRange<Double> {
        switch self {
        case .minuteDuration: 0...ValueLimits.minutes
        case .minutesDelayed: -ValueLimits.minutes...ValueLimits.minutes
        case .capacity, .attendees: 0...ValueLimits.people
        default: ValueLimits.anyFinite
        }
    }
}
