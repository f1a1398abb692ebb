import Foundation
import Logging
import RobinModel

/// Log lines for people: `warning: ...` on stderr, no timestamps (cron adds its
/// own), one line each with control characters escaped (MessageText).
struct ConsoleLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = event.level >= .warning ? "\(event.level): " : ""
        FileHandle.standardError.write(Data("\(prefix)\(MessageText.escaped("\(event.message)"))\n".utf8))
    }
}
