/// One row of the event export, as numbers and indices; `write` formats it.
/// A multi-room event is written once per room with the same Event ID.
struct RoomEvent {
    static let none = Int64.min

    enum Attendees {
        case unknown
        case count(Int)
        /// People indices in the generator's scratch list, joined with `separator`.
        case list(separator: [UInt8])
    }

    var room: Int32 = 0
    /// Numeric Event ID, or 0 for a recurring instance (`seriesKey` + start).
    var eventID: Int64 = 0
    var seriesKey: UInt64 = 0
    var status: CSVField = RoomEvent.confirmed
    var created: Int64 = 0
    var updated: Int64 = 0
    var allDay = false
    var title: CSVField = .empty
    var invited = -1
    var attendees: Attendees = .unknown
    var location: CSVField? = nil
    var start: Int64 = 0
    var end: Int64 = 0
    var showDuration = true
    var checkedIn: Int64 = RoomEvent.none
    var minutesDelayed = -1
    var autoUnbooked: Int64 = RoomEvent.none
    var creator: Int32 = 0
    var host: Int32 = 0
    var localCreator: Int32 = -1
    var cancellation: CSVField = .empty

    static let confirmed = CSVField("Confirmed")
    static let confirmedUpper = CSVField("CONFIRMED")
    static let canceled = CSVField("Canceled")
    static let cancelled = CSVField("Cancelled")
    static let declined = CSVField("Resource declined")
    static let canceledByOrganizer = CSVField("Canceled by organizer")
    static let canceledByAdmin = CSVField("Canceled by admin")
    static let autoUnbookedType = CSVField("Automatically unbooked (no check-in)")
    private static let trueField: [UInt8] = Array("True".utf8)
    private static let falseField: [UInt8] = Array("False".utf8)

    /// Appends the row (37 columns of `ExportColumns.spaces`, CRLF-terminated).
    func write(to out: inout [UInt8], catalog: Catalog, building: Building, attendeeList: [Int32]) {
        let space = catalog.rooms[Int(room)]
        out.appendField(catalog.organizationField); out.appendComma()
        out.appendField(building.nameField); out.appendComma()
        out.appendField(space.floor); out.appendComma()
        out.appendField(space.name); out.appendComma()
        out.appendInt(space.spaceID); out.appendComma()
        if eventID != 0 {
            out.appendInt(Int(eventID))
        } else {
            RoomEvent.appendRecurringID(series: seriesKey, start: start, to: &out)
        }
        out.appendComma()
        out.appendField(status); out.appendComma()
        out.appendTimestamp(created); out.appendComma()
        out.appendTimestamp(updated); out.appendComma()
        out.append(contentsOf: allDay ? RoomEvent.trueField : RoomEvent.falseField); out.appendComma()
        out.appendField(title); out.appendComma()
        out.append(contentsOf: seriesKey != 0 ? RoomEvent.trueField : RoomEvent.falseField); out.appendComma()
        out.appendInt(space.capacity); out.appendComma()
        if invited >= 0 { out.appendInt(invited) }
        out.appendComma()
        switch attendees {
        case .unknown:
            break
        case .count(let number):
            out.appendInt(number)
        case .list(let separator):
            let quoted = separator.contains(0x2C) && attendeeList.count > 1
            if quoted { out.append(0x22) }
            for (index, person) in attendeeList.enumerated() {
                if index > 0 { out.append(contentsOf: separator) }
                if person < 0 {
                    out.append(contentsOf: RoomEvent.externalGuest)
                } else {
                    out.appendField(catalog.people[Int(person)].emailLower)
                }
            }
            if quoted { out.append(0x22) }
        }
        out.appendComma()
        if let location { out.appendField(location) }
        out.appendComma()
        out.appendTimestamp(start); out.appendComma()
        out.appendTimestamp(end); out.appendComma()
        if showDuration { out.appendInt(Int((end - start) / 60)) }
        out.appendComma()
        if checkedIn != RoomEvent.none { out.appendTimestamp(checkedIn) }
        out.appendComma()
        if minutesDelayed >= 0 { out.appendInt(minutesDelayed) }
        out.appendComma()
        if autoUnbooked != RoomEvent.none { out.appendTimestamp(autoUnbooked) }
        out.appendComma()
        writePerson(creator, to: &out)
        out.appendField(catalog.people[Int(creator)].emailLower); out.appendComma()  // Created By Email
        writePerson(host, to: &out)
        out.appendField(catalog.people[Int(host)].emailLower); out.appendComma()  // Hosting Calendar Email
        if localCreator >= 0 {
            let person = catalog.people[Int(localCreator)]
            out.appendInt(person.robinID); out.appendComma()
            out.appendField(person.emailLower); out.appendComma()
        } else {
            out.appendComma(); out.appendComma()
        }
        out.appendField(cancellation)
        out.appendRecordEnd()

        func writePerson(_ index: Int32, to out: inout [UInt8]) {
            let person = catalog.people[Int(index)]
            out.appendInt(person.robinID); out.appendComma()
            out.appendField(person.name); out.appendComma()
            out.appendField(person.department); out.appendComma()
            out.appendField(person.groups); out.appendComma()
            out.appendField(person.email); out.appendComma()
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let externalGuest: [UInt8] = Array("guest@partner.example".utf8)

    /// Google-style instance id: `<16 hex digits>_<YYYYMMDD>T<HHMMSS>Z` of the UTC start.
    static func appendRecurringID(series: UInt64, start: Int64, to out: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            out.append(hexDigits[Int((series >> UInt64(shift)) & 0xF)])
        }
        out.append(0x5F)
        let day = CivilDate.day(ofUnixSeconds: start)
        out.appendDate(daysSinceEpoch: day, separated: false)
        out.append(0x54)
        let second = Int(start - Int64(day) * 86_400)
        out.appendTwoDigits(second / 3600)
        out.appendTwoDigits(second / 60 % 60)
        out.appendTwoDigits(second % 60)
        out.append(0x5A)
    }
}
