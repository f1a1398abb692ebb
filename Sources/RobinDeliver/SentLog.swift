import Foundation

/// Which reports were mailed, so a rerun does not mail anyone twice: a
/// tab-separated file in the cache folder (`<cache>/sent-log.tsv`), one line
/// per message sent: period folder, time (UTC), Message-ID, recipients, and
/// for an audience's report its slug. A report is keyed by (period,
/// audience): a line of four fields (the organisation's report, as every line
/// written before audiences) stands for the organisation's report.
public struct SentLog: Sendable {
    /// One message sent.
    public struct Entry: Sendable, Equatable {
        /// The period's folder name ("2026-W47"): the key.
        public var period: String
        /// `2026-11-23T07:00:03Z`.
        public var sentAt: String
        /// The Message-ID of the message sent.
        public var messageID: String
        /// The envelope recipients.
        public var recipients: [String]
        /// The audience's slug; nil = the organisation's report.
        public var audience: String?
        /// Not a sent line but a handed-over note (`SentLog+HandedOver`): a run
        /// gave the message to the server and stopped before its answer, so
        /// whether it arrived is unknown.
        public var unconfirmed = false
    }

    /// The log file.
    public var path: String

    /// The log in `cacheDirectory`.
    public init(cacheDirectory: String) {
        path = URL(fileURLWithPath: cacheDirectory).appendingPathComponent("sent-log.tsv").path
    }

    /// The last entry for `period` and `audience` (nil = the organisation's
    /// report), or nil when that report was never sent; an unconfirmed one
    /// when a run stopped after handing a later message to the server.
    public func entry(for period: String, audience: String? = nil) throws(DeliveryError) -> Entry? {
        var found: Entry?
        if FileManager.default.fileExists(atPath: path) {
            found = SentLog.entries(in: try ReportFolder.read(path)).last { $0.period == period && $0.audience == audience }
        }
        if let note = try handedOver(period: period, audience: audience), note.messageID != found?.messageID {
            return note
        }
        return found
    }

    /// The entries of sent-log lines (shorter lines are skipped).
    static func entries(in data: Data) -> [Entry] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard !line.hasPrefix("#"), fields.count >= 4 else { return nil }
            return Entry(period: fields[0], sentAt: fields[1], messageID: fields[2],
                         recipients: fields[3].split(separator: ",").map(String.init),
                         audience: fields.count >= 5 && !fields[4].isEmpty ? fields[4] : nil)
        }
    }

    /// Makes sure the log can be written, before a message goes out.
    public func checkWritable() throws(DeliveryError) {
        try append("")
    }

    /// Records `message` as sent for `period` and `audience` (nil = the
    /// organisation's report), then drops its handed-over note.
    public func record(_ message: EmailMessage, period: String, audience: String? = nil) throws(DeliveryError) {
        try append(SentLog.line(message, period: period, audience: audience))
        dropHandedOver(period: period, audience: audience)
    }

    /// The log line of `message`.
    static func line(_ message: EmailMessage, period: String, audience: String?) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let fields = [period, formatter.string(from: message.date), message.messageID,
                      message.recipients.joined(separator: ",")] + (audience.map { [$0] } ?? [])
        return fields.joined(separator: "\t") + "\n"
    }

    private func append(_ line: String) throws(DeliveryError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                        withIntermediateDirectories: true)
            if !manager.fileExists(atPath: path) {
                let header = "# robin-report sent-log: period\tsent at (UTC)\tMessage-ID\trecipients\taudience (none: the organisation)\n"
                guard manager.createFile(atPath: path, contents: Data(header.utf8)) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
        } catch {
            throw .runtime("\(path): cannot write the sent-log (\((error as NSError).localizedDescription))")
        }
    }
}
