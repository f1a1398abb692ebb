/// One row of the desk export, as numbers and indices. The generator fills it
/// (consuming random numbers whether or not the row is in the requested range)
/// and `write` formats it only when it is.
struct DeskReservation {
    /// Sentinel for an empty timestamp column.
    static let none = Int64.min

    var desk: Int32
    var reservationID: Int64
    /// 0 = empty.
    var seriesID: Int
    var type: CSVField
    var start: Int64
    var end: Int64
    var checkedIn: Int64 = DeskReservation.none
    var canceledAt: Int64 = DeskReservation.none
    var cancellation: CSVField = .empty
    /// Person index, or -1 for none.
    var creator: Int32
    /// Person index, or -1 for a guest (`guestName`) or nobody.
    var assignee: Int32
    /// For `assignee == -1`: a guest's name, or nil for a row with no assignee at all.
    var guestName: CSVField?
    /// Print the assignee's lower-cased address instead of the stored one.
    var lowerCaseEmail: Bool = false

    static let canceledByUser = CSVField("Canceled by user")
    static let autoReleased = CSVField("Auto-released (no check-in)")
    static let checkedOut = CSVField("Checked out early")
    static let releasedByAssignee = CSVField("Released by assignee")

    /// Appends the row (25 columns of `ExportColumns.desks`, CRLF-terminated).
    func write(to out: inout [UInt8], catalog: Catalog, building: Building) {
        let deskRecord = catalog.desks[Int(desk)]
        out.appendField(catalog.organizationField); out.appendComma()
        out.appendField(building.nameField); out.appendComma()
        out.appendField(deskRecord.floor); out.appendComma()
        out.appendField(deskRecord.group); out.appendComma()
        out.appendInt(deskRecord.id); out.appendComma()
        out.appendField(deskRecord.name); out.appendComma()
        out.appendInt(Int(reservationID)); out.appendComma()
        if seriesID != 0 { out.appendInt(seriesID) }
        out.appendComma()
        out.appendField(type); out.appendComma()
        out.appendTimestamp(start); out.appendComma()
        out.appendTimestamp(end); out.appendComma()
        out.appendHours(minutes: Int((end - start) / 60)); out.appendComma()
        if checkedIn != DeskReservation.none { out.appendTimestamp(checkedIn) }
        out.appendComma()
        if canceledAt != DeskReservation.none { out.appendTimestamp(canceledAt) }
        out.appendComma()
        out.appendField(cancellation); out.appendComma()
        if creator >= 0 {
            let person = catalog.people[Int(creator)]
            out.appendField(person.name); out.appendComma()
            out.appendField(person.department); out.appendComma()
            out.appendField(person.groups); out.appendComma()
            out.appendField(person.emailLower); out.appendComma()
        } else {
            out.append(contentsOf: DeskReservation.fourEmpty)
        }
        if assignee >= 0 {
            let person = catalog.people[Int(assignee)]
            out.appendField(person.name); out.appendComma()
            out.appendField(person.department); out.appendComma()
            out.appendField(person.groups); out.appendComma()
            out.appendField(lowerCaseEmail ? person.emailLower : person.email); out.appendComma()
        } else if let guestName {
            out.appendField(guestName)
            out.append(contentsOf: DeskReservation.fourEmpty)
        } else {
            out.append(contentsOf: DeskReservation.fourEmpty)
        }
        out.appendField(deskRecord.deskType); out.appendComma()
        out.appendField(deskRecord.bookableOnUnassignedDays)
        out.appendRecordEnd()
    }

    private static let fourEmpty: [UInt8] = Array(",,,,".utf8)
}
