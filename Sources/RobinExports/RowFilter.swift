/// The rows of some buildings and/or departments (an audience's, PRODUCT.md
/// "Audiences"): desk reservations by `Building` and `Assignee Department`,
/// room events by `Building` and `Host Department`. With both, a row must be
/// in one of the buildings and of one of the departments.
public struct RowFilter: Sendable, Equatable {
    /// Building names as exported; empty = any building.
    public var buildings: Set<String>
    /// Department names as exported (`(no department)` for rows without one); empty = any department.
    public var departments: Set<String>

    public init(buildings: Set<String> = [], departments: Set<String> = []) {
        self.buildings = buildings
        self.departments = departments
    }

    /// The records the filter keeps, given each table's interned building and
    /// department names and where a record holds its indexes into them.
    func select<Record>(_ records: [Record], buildingNames: [String], departmentNames: [String],
                        building: KeyPath<Record, Int32>, department: KeyPath<Record, Int32>) -> [Record] {
        // Decided once per name, then looked up by index per row.
        let buildingKept = buildings.isEmpty ? nil : buildingNames.map(buildings.contains)
        let departmentKept = departments.isEmpty ? nil : departmentNames.map(departments.contains)
        return records.filter { record in
            (buildingKept?[Int(record[keyPath: building])] ?? true)
                && (departmentKept?[Int(record[keyPath: department])] ?? true)
        }
    }
}

extension DeskTable {
    /// The same table with only the rows `filter` keeps. Names and dense ids
    /// stay as they are (a row's indexes still point at the same names, and a
    /// person has the same id in both tables); `stats` still describe what was read.
    /// `rowKeys` is empty: rows are de-duplicated before they are filtered.
    public func filtered(_ filter: RowFilter) -> DeskTable {
        var table = self
        table.records = filter.select(records, buildingNames: buildings, departmentNames: departments,
                                      building: \.building, department: \.department)
        table.rowKeys = []  // de-duplication happens before a filter (docs/metrics.md)
        return table
    }
}

extension EventTable {
    /// The same table with only the rows `filter` keeps (see `DeskTable.filtered`).
    public func filtered(_ filter: RowFilter) -> EventTable {
        var table = self
        table.records = filter.select(records, buildingNames: buildings, departmentNames: departments,
                                      building: \.building, department: \.department)
        table.rowKeys = []  // de-duplication happens before a filter (docs/metrics.md)
        return table
    }
}

extension Exports {
    /// Both tables with only the rows `filter` keeps.
    public func filtered(_ filter: RowFilter) -> Exports {
        Exports(desks: desks.filtered(filter), events: events.filtered(filter))
    }
}
