import FlyingFox
import FlyingSocks
import Foundation

/// A response that FlyingFox cannot otherwise send: a 200 with neither
/// Content-Length nor chunking, whose body ends where the connection closes.
///
/// FlyingFox frames every body, except the "WebSocket" path, which writes the
/// head and hands the connection to a handler. Here the body rides in the last
/// header's value (after an empty line) and the handler ends at once, which
/// closes the connection. FlyingFox ends the head with CR LF CR LF, so those
/// four bytes follow the body.
enum CloseDelimitedBody {
    static func response(_ body: Data, contentType: String) -> HTTPResponse {
        var response = HTTPResponse(
            headers: [
                .contentType: contentType,
                .connection: "close",
                // Sorted last ("X" after "Content-Type"), so the body follows every header.
                HTTPHeader("X-Simulated-Fault"): "cut-no-length\r\n\r\n" + String(decoding: body, as: UTF8.self),
            ],
            webSocket: EndsAtOnce()
        )
        response.statusCode = HTTPStatusCode(200, phrase: "OK")
        return response
    }

    /// The cut: a few bytes into the row that holds the middle of `csv`, so the
    /// body never ends on a record boundary (a row whose start lies inside a
    /// quoted field leaves that quote open instead).
    static func cut(_ csv: Data) -> Data {
        let bytes = [UInt8](csv)
        guard bytes.count > 8 else { return Data(bytes.prefix(bytes.count / 2)) }
        let middle = bytes.count / 2
        let rowStart = (bytes[..<middle].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let end = min(rowStart + 3, bytes.count - 1)
        return Data(bytes[..<end])
    }

    private struct EndsAtOnce: WSHandler {
        func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
            AsyncStream { $0.finish() }
        }
    }
}
