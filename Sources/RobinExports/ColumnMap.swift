/// The header of an export: finds columns by name, so added or moved columns
/// never matter. Names match ignoring case, surrounding spaces and tabs, and
/// `_` versus space (`start_(utc)` is `Start (UTC)`).
struct ColumnMap {
    let names: [String]
    private let index: [String: Int]

    init(header: CSVRecord) {
        var names: [String] = []
        var index: [String: Int] = [:]
        for field in 0..<header.count {
            let name = header.string(field)
            names.append(name)
            let key = ColumnMap.key(name)
            if index[key] == nil { index[key] = field }
        }
        self.names = names
        self.index = index
    }

    /// The position of each column of `Column` (indexed by its raw value; -1 for
    /// an optional column the file lacks), or an error naming the first required
    /// one missing. A column's own name wins over its aliases.
    func positions<Column: ExportColumn>(of _: Column.Type, file: String) throws(CSVError) -> [Int] {
        var positions = [Int](repeating: -1, count: Column.allCases.count)
        for column in Column.allCases {
            let found = ([column.header] + column.aliases).lazy.compactMap { self.index[ColumnMap.key($0)] }.first
            if let found {
                positions[column.rawValue] = found
            } else if column.isRequired {
                throw CSVError(file: file, line: 1, problem: .missingColumn(column.header))
            }
        }
        return positions
    }

    /// The matching form of a header name: trimmed, lower-cased, `_` as space.
    static func key(_ name: String) -> String {
        var scalars = Substring(name).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars.map { $0 == "_" ? " " : $0 })).lowercased()
    }
}
