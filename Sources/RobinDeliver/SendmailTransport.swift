import Foundation

/// `--sendmail "CMD"`: pipes the message to a sendmail-compatible command
/// (`msmtp -t`, `sendmail -t -i`), run by `/bin/sh -c` so the command may carry
/// its own flags. The command reads the recipients from the headers (`-t`).
/// It runs in a process group of its own, killed whole when it overruns
/// `timeout`, so a hung relay leaves nothing behind.
public struct SendmailTransport: MailTransport {
    /// The command line, run by `/bin/sh -c`.
    public var command: String
    /// Seconds the command may run (`--sendmail-timeout`, default 60).
    public var timeout: Double
    var runner = ProcessRunner()

    /// The default of `--sendmail-timeout`, in seconds.
    public static let defaultTimeout = 60.0

    public init(command: String, timeout: Double = SendmailTransport.defaultTimeout) {
        self.command = command
        self.timeout = timeout
    }

    public var destination: String { "sendmail command \"\(command)\"" }
    public var delivers: Bool { true }

    public func send(_ message: EmailMessage) throws(DeliveryError) {
        // Local mail programs take the message with the platform's LF line ends.
        let text = message.rendered.replacingAll("\r\n", with: "\n")
        let result = try runner.run("/bin/sh", ["-c", command], input: Data(text.utf8), timeLimit: timeout)
        if result.timedOut {
            // It had the whole message on its stdin: it may have queued or sent it.
            throw .runtime("\(destination) did not finish within \(SendmailTransport.seconds(timeout)) and was killed "
                           + "with every process it started; delivery status unknown: the command may have sent the "
                           + "message; not recorded as sent; check before --resend")
        }
        guard result.termination == .exited(0) else {
            let said = (result.stderr + result.stdout).allSatisfy(\.isWhitespace) ? "" : ": \(result.lastLine)"
            throw .runtime("\(destination) \(result.termination.description)\(said)")
        }
    }

    /// "60 s", "0.5 s".
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
