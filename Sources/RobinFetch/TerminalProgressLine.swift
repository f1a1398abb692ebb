import Foundation
import Synchronization

/// A live status line on a terminal (standard error), redrawn in place:
/// `exports 31/62: 40 requested, 27 ready, 4 from cache, 31 remaining; next POST in 12 s`.
public final class TerminalProgressLine: FetchProgressReporter {
    private let lastLine = Mutex("")
    private let output: FileHandle

    /// A line written to `output` (standard error by default).
    public init(output: FileHandle = .standardError) {
        self.output = output
    }

    public func update(_ progress: FetchProgress) {
        let line = TerminalProgressLine.render(progress)
        let changed = lastLine.withLock { last in
            defer { last = line }
            return last != line
        }
        if changed {
            output.write(Data("\r\u{1B}[2K\(line)".utf8))
        }
    }

    public func finish() {
        let drawn = lastLine.withLock { !$0.isEmpty }
        if drawn { output.write(Data("\n".utf8)) }
    }

    /// The text of the line for `progress`.
    public static func render(_ progress: FetchProgress) -> String {
        let done = progress.fromCache + progress.ready
        var line = "exports \(done)/\(progress.total): \(progress.requested) requested, \(progress.ready) ready, "
            + "\(progress.fromCache) from cache, \(progress.remaining) remaining"
        if progress.requested + progress.fromCache < progress.total {
            let wait = progress.nextPostIn.seconds
            line += wait <= 0 ? "; next POST now"
                : wait < 10 ? "; next POST in \(String(format: "%.1f", wait)) s" : "; next POST in \(Int(wait.rounded(.up))) s"
        }
        return line
    }
}
