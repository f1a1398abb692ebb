/// Both exports of a period, read together.
public struct Exports: Sendable {
    public var desks: DeskTable
    public var events: EventTable

    public init(desks: DeskTable, events: EventTable) {
        self.desks = desks
        self.events = events
    }

    /// Reads the desk files and the spaces files at the same time, each reading
    /// its next file while it merges the last (`readFilesConcurrently`): the
    /// same tables as reading them in the order given.
    public static func read(desks: [String], spaces: [String],
                            warn: @escaping @Sendable (String) -> Void = { _ in }) async throws(CSVError) -> Exports {
        async let deskTable = result { () async throws(CSVError) in
            try await DeskExportReader.readFilesConcurrently(desks, warn: warn)
        }
        async let eventTable = result { () async throws(CSVError) in
            try await EventExportReader.readFilesConcurrently(spaces, warn: warn)
        }
        let (deskResult, eventResult) = await (deskTable, eventTable)
        return Exports(desks: try deskResult.get(), events: try eventResult.get())
    }

    private static func result<Table>(_ body: () async throws(CSVError) -> Table) async -> Result<Table, CSVError> {
        do throws(CSVError) {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
