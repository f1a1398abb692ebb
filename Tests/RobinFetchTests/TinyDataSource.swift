import RobinModel
import RobinSimulator

/// A few rows per day with every documented column; the rows depend only on
/// the window, so a resumed fetch caches exactly what an uninterrupted one does.
struct TinyDataSource: ExportDataSource {
    func export(_ kind: ExportKind, fromUTC: Int64, toUTC: Int64, locationIDs: [Int]?) -> String {
        let columns = kind.documentedColumns
        var csv = columns.joined(separator: ",") + "\n"
        let buildings = [(1, "North"), (2, "South")].filter { locationIDs?.contains($0.0) ?? true }
        for (id, building) in buildings {
            for hour: Int64 in [9, 13] where fromUTC + hour * 3600 < toUTC {
                let start = fromUTC + hour * 3600
                let row = columns.map { column -> String in
                    switch column {
                    case "Building": building
                    case "Start (UTC)", "Started At (UTC)": "@\(start)"
                    case "End (UTC)", "Ended At (UTC)": "@\(start + 3600)"
                    case "Reservation ID", "Event ID": "\(start)-\(id)"
                    default: "\(column.prefix(3))-\(start % 100_000)"
                    }
                }
                csv += row.joined(separator: ",") + "\n"
            }
        }
        return csv
    }
}
