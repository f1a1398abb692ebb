/// The field bounds of the record being scanned: start and end offsets into the
/// reader's buffer per field, the end complemented (`~end`) when the field has
/// doubled quotes. Grows when a record has more fields than it holds.
struct FieldBounds {
    private(set) var pointer: UnsafeMutablePointer<Int>
    private var capacity: Int
    /// Fields pushed since the record started.
    var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        self.pointer = .allocate(capacity: 2 * capacity)
    }

    func deallocate() { pointer.deallocate() }

    @inline(__always)
    mutating func push(_ start: Int, _ stop: Int, _ doubled: Bool) {
        if count == capacity { grow() }
        pointer[2 * count] = start
        pointer[2 * count + 1] = doubled ? ~stop : stop
        count += 1
    }

    /// Room for `fields` fields in all: the pointer to write them at.
    @inline(__always)
    mutating func reserve(_ fields: Int) -> UnsafeMutablePointer<Int> {
        while capacity < fields { grow() }
        return pointer
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Int>.allocate(capacity: 4 * capacity)
        bigger.update(from: pointer, count: 2 * capacity)
        pointer.deallocate()
        pointer = bigger
        capacity *= 2
    }
}
