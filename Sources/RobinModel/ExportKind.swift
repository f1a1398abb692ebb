/// The two Robin Analytics exports this tool reads.
public enum ExportKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Desk assignments and reservations (`POST .../organizations/{id}/desks`).
    case desks
    /// Events scheduled in spaces, i.e. room bookings (`POST .../organizations/{id}/spaces`).
    case spaces

    /// The columns of this export, in the order Robin's guide lists them.
    /// Robin may add or move columns; readers find columns by name.
    public var documentedColumns: [String] {
        switch self {
        case .desks: ExportColumns.desks
        case .spaces: ExportColumns.spaces
        }
    }

    public var description: String { rawValue }
}

/// Column names from Robin's Analytics API guide ("Event Export Fields", "Desk Export Fields").
public enum ExportColumns {
    public static let spaces = [
        "Organization", "Building", "Floor", "Space", "Space ID", "Event ID", "Event Status",
        "Created At (UTC)", "Updated At (UTC)", "All Day Event", "Title", "Is Recurring", "Capacity",
        "Invited People", "Attendees", "Location", "Started At (UTC)", "Ended At (UTC)", "Minute Duration",
        "Checked In At (UTC)", "Minutes Delayed", "Automatically Unbooked At (UTC)", "Creator Robin ID",
        "Creator Robin Name", "Creator Department", "Creator Groups", "Creator Robin Email", "Created By Email",
        "Host Robin ID", "Host Robin Name", "Host Department", "Host Groups", "Host Robin Email",
        "Hosting Calendar Email", "Local Creator ID", "Local Creator Email", "Cancellation Type",
    ]

    public static let desks = [
        "Organization", "Building", "Floor", "Desk Group", "Desk ID", "Desk Name", "Reservation ID", "Series ID",
        "Type", "Start (UTC)", "End (UTC)", "Hour Duration", "Checked In At (UTC)", "Canceled At (UTC)",
        "Cancellation Type", "Creator Name", "Creator Department", "Creator Groups", "Creator Email",
        "Assignee Name", "Assignee Department", "Assignee Groups", "Assignee Email", "Desk Type",
        "Bookable On Unassigned Days",
    ]
}
