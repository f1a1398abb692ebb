/// An export as Robin would have served it at some moment: what had not
/// happened yet is not in it. A day exported on its own morning holds the
/// bookings but not the check-ins, cancellations and automatic unbookings of
/// the rest of the day; fetched again once the day is over, it holds them all.
/// This is what makes a provisional day (README "Fetching exports from Robin") differ from a
/// final one in tests.
enum AsOfView {
    /// The columns that record something happening at their time.
    static let eventColumns: Set<String> = [
        "Checked In At (UTC)", "Canceled At (UTC)", "Automatically Unbooked At (UTC)",
    ]

    /// Columns that only make sense once the event of `eventColumns` they go with happened.
    static let followers: [String: String] = [
        "Minutes Delayed": "Checked In At (UTC)",
        "Cancellation Type": "Canceled At (UTC)",
    ]

    /// `csv` with every time in `eventColumns` later than `asOfUTC` (Unix
    /// seconds) emptied, and the columns that follow them with it.
    static func view(_ csv: String, asOfUTC: Int64) -> String {
        var records = CSVRecords(csv)
        guard let header = records.next() else { return csv }
        let names = header.map { String($0) }
        let watched = names.indices.filter { eventColumns.contains(names[$0]) }
        var following: [Int: Int] = [:]
        for (column, leader) in followers {
            if let index = names.firstIndex(of: column), let lead = names.firstIndex(of: leader) { following[index] = lead }
        }
        var out = CSVText.record(header)
        while let fields = records.next() {
            var fields = fields
            var emptied = Set<Int>()
            for index in watched where index < fields.count {
                if let time = CSVText.parseTimestamp(fields[index]), time > asOfUTC {
                    fields[index] = ""
                    emptied.insert(index)
                }
            }
            for (index, lead) in following where index < fields.count && emptied.contains(lead) { fields[index] = "" }
            out += CSVText.record(fields)
        }
        return out
    }
}

/// The records of a CSV text (RFC 4180: quoted fields may hold commas, quotes
/// and line breaks), as unquoted field values.
struct CSVRecords: IteratorProtocol {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func next() -> [String]? {
        guard index < bytes.count else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 {
                    if index < bytes.count, bytes[index] == 0x22 { field.append(0x22); index += 1 } else { quoted = false }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                break
            } else {
                field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
