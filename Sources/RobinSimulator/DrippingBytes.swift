import FlyingFox
import FlyingSocks

/// A body sent slowly, `bytesPerSecond` at a time in ten slices a second (one
/// byte at a time below ten bytes a second): a server that keeps the
/// connection busy without ever finishing in time.
struct DrippingBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let bytes: [UInt8]
    let bytesPerSecond: Int

    func makeAsyncIterator() -> Iterator { Iterator(bytes: bytes[...], bytesPerSecond: Swift.max(1, bytesPerSecond)) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var bytes: ArraySlice<UInt8>
        let bytesPerSecond: Int

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            guard !bytes.isEmpty else { return nil }
            let slice = Swift.max(1, bytesPerSecond / 10)
            try await Task.sleep(for: .seconds(Double(slice) / Double(bytesPerSecond)))
            let chunk = Array(bytes.prefix(slice))
            bytes = bytes.dropFirst(slice)
            return chunk
        }
    }
}
