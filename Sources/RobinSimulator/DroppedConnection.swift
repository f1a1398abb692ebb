import FlyingFox
import FlyingSocks
import Foundation

/// Makes FlyingFox close a connection without writing a byte: a WebSocket
/// "upgrade" whose handler fails before the response header is sent. To the
/// client this is a connection reset (no response at all).
struct DroppedConnection: WSHandler {
    struct Dropped: Error {}

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Dropped()
    }
}
