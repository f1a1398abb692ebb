import Foundation

/// `--sendmail "CMD"`: pipes the message to a sendmail-compatible command
/// (`msmtp -t`, `sendmail -t -i`), run by `/bin/sh -c` so the command may carry
/// its own flags. The command reads the recipients from the headers (`-t`).
public struct SendmailTransport: MailTransport {
    /// The command line, run by `/bin/sh -c`.
    public var command: String
    var runner = ProcessRunner()

    public init(command: String) {
        self.command = command
    }

    public var destination: String { "sendmail command \"\(command)\"" }
    public var delivers: Bool { true }

    public func send(_ message: EmailMessage) throws(DeliveryError) {
        // Local mail programs take the message with the platform's LF line ends.
        let text = message.rendered.replacingAll("\r\n", with: "\n")
        let result = try runner.run("/bin/sh", ["-c", command], input: Data(text.utf8))
        guard result.status == 0 else {
            throw .runtime("sendmail command \"\(command)\" exited with status \(result.status): \(result.lastLine)")
        }
    }
}
