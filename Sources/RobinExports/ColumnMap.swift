/// The header of an export: finds columns by name (trimmed, case-insensitive),
/// so added or moved columns never matter.
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

    /// The position of each of `required`, or an error naming the first one missing.
    func require(_ required: [String], file: String) throws(CSVError) -> [Int] {
        var positions: [Int] = []
        for name in required {
            guard let position = index[ColumnMap.key(name)] else {
                throw CSVError(file: file, line: 1, problem: .missingColumn(name))
            }
            positions.append(position)
        }
        return positions
    }

    private static func key(_ name: String) -> String {
        name.trimmingCharacters(in: [" ", "\t"]).lowercased()
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
