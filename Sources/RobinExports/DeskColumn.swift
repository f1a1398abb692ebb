/// The desk export's columns that the metrics read (Robin's "Desk Export Fields").
enum DeskColumn: Int, ExportColumn {
    case building, floor, deskID, reservationID, type, start, canceledAt, checkedInAt, hourDuration
    case assigneeEmail, assigneeName, creatorEmail, assigneeDepartment, workArea

    var header: String {
        switch self {
        case .building: "Building"
        case .floor: "Floor"
        case .deskID: "Desk ID"
        case .reservationID: "Reservation ID"
        case .type: "Type"
        case .start: "Start (UTC)"
        case .canceledAt: "Canceled At (UTC)"
        case .checkedInAt: "Checked In At (UTC)"
        case .hourDuration: "Hour Duration"
        case .assigneeEmail: "Assignee Email"
        case .assigneeName: "Assignee Name"
        case .creatorEmail: "Creator Email"
        case .assigneeDepartment: "Assignee Department"
        case .workArea: "Work Area"
        }
    }

    var aliases: [String] { self == .floor ? ["Level"] : [] }

    /// `Work Area` (a neighbourhood of desks) is in some exports only.
    var isRequired: Bool { self != .workArea }

    var emptyLabel: StaticString? {
        switch self {
        case .building: "(no building)"
        case .floor: "(no floor)"
        case .workArea: "(no work area)"
        case .assigneeDepartment: "(no department)"
        default: nil
        }
    }

    var range: ClosedRange<Double> {
        self == .hourDuration ? 0...ValueLimits.hours : ValueLimits.anyFinite
    }
}
