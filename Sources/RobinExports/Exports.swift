/// Both exports of a period, read together.
public struct Exports: Sendable {
    public var desks: DeskTable
    public var events: EventTable

    public init(desks: DeskTable, events: EventTable) {
        self.desks = desks
        self.events = events
    }

    /// Reads the desk files and the spaces files at the same time (two cores: the
    /// two readers share nothing), each in the order given.
    public static func read(desks: [String], spaces: [String],
                            warn: @escaping @Sendable (String) -> Void = { _ in }) async throws(CSVError) -> Exports {
        async let deskTable = Result { () throws(CSVError) in try DeskExportReader.read(files: desks, warn: warn) }
        async let eventTable = Result { () throws(CSVError) in try EventExportReader.read(files: spaces, warn: warn) }
        let (deskResult, eventResult) = await (deskTable, eventTable)
        return Exports(desks: try deskResult.get(), events: try eventResult.get())
    }
}
