import Foundation

/// `--dry-run`: writes the message, as it would be sent, to a file
/// (`<report dir>/email.eml`) and sends nothing.
public struct FileTransport: MailTransport {
    /// The file written (`<report dir>/email.eml`).
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The transport writing `<report dir>/email.eml`.
    public init(reportFolder: String) {
        path = URL(fileURLWithPath: reportFolder).appendingPathComponent("email.eml").path
    }

    public var destination: String { path }

    public func transport(forReport folder: String) -> any MailTransport { FileTransport(reportFolder: folder) }
    public var delivers: Bool { false }

    public func send(_ message: EmailMessage) throws(DeliveryError) {
        do {
            try Data(message.rendered.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .runtime("\(path): cannot write (\((error as NSError).localizedDescription))")
        }
    }
}
