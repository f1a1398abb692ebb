/// How a message leaves: SMTP, a sendmail command, or a file (dry run). The
/// stage's seam: tests and other callers swap the transport, not the world.
public protocol MailTransport: Sendable {
    /// Where the message goes, for the one line printed on success (no credentials).
    var destination: String { get }
    /// Whether sending records the period in the sent-log (false for a dry run).
    var delivers: Bool { get }
    /// Sends `message` or throws, having sent nothing.
    func send(_ message: EmailMessage) throws(DeliveryError)
    /// The transport for the message of the report in `folder` (a dry run writes
    /// each report's message into its own folder); by default this one.
    func transport(forReport folder: String) -> any MailTransport
}

extension MailTransport {
    public func transport(forReport folder: String) -> any MailTransport { self }
}
