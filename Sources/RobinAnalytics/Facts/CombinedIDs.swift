/// One dense id space for the facts being combined: every source's local
/// ids mapped, by their keys, to 0, 1, 2, ... so that sets from different
/// files union as bit sets. Facts of one table (dense ids) need no mapping.
struct CombinedIDs {
    /// Distinct persons (desks: assignees; rooms: hosts) and places (desks or rooms).
    private(set) var personCount = 0
    private(set) var placeCount = 0
    /// Per source (by object identity): local id -> combined id; absent = identity.
    private var maps: [ObjectIdentifier: (persons: [Int32], places: [Int32])] = [:]

    /// The combined space of `spaces`: the identity when there is one dense space.
    init(_ spaces: [IDSpace]) {
        var distinct: [ObjectIdentifier: IDSpace] = [:]
        for space in spaces { distinct[ObjectIdentifier(space)] = space }
        if distinct.count == 1, let only = distinct.values.first {
            personCount = only.persons.count
            placeCount = only.places.count
            return
        }
        precondition(!distinct.values.contains { $0.isDense }, "a table's own ids cannot be combined with other facts")
        var persons = KeyIndex(), places = KeyIndex()
        // Sorted by first appearance is not needed: the combined ids only name set members.
        for space in spaces where maps[ObjectIdentifier(space)] == nil {
            maps[ObjectIdentifier(space)] = (space.persons.map { persons.id($0) }, space.places.map { places.id($0) })
        }
        personCount = persons.count
        placeCount = places.count
    }

    /// Calls `body` with `space`'s person and place maps (nil = identity).
    @inline(__always)
    func withMaps<T>(_ space: IDSpace,
                     _ body: (_ persons: UnsafeBufferPointer<Int32>?, _ places: UnsafeBufferPointer<Int32>?) -> T) -> T {
        guard let map = maps[ObjectIdentifier(space)] else { return body(nil, nil) }
        return map.persons.withUnsafeBufferPointer { persons in
            map.places.withUnsafeBufferPointer { places in body(persons, places) }
        }
    }
}

/// Stable 64-bit keys -> dense ids, in an open-addressing table (the keys are
/// already well-mixed hashes: Swift's `Set` and `Dictionary` would hash each
/// again with SipHash, which the windowed de-duplication measured as most of
/// its time).
struct KeyIndex {
    private var keys: [UInt64]
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// Room for `capacity` keys before the table grows.
    init(capacity: Int = 1 << 11) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        ids = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The slot holding `key`, or the free slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while ids[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The dense id of `key`; nil when it was never added.
    @inline(__always)
    func existing(_ key: UInt64) -> Int32? {
        let id = ids[slot(of: key)]
        return id >= 0 ? id : nil
    }

    /// The dense id of `key`, adding it when new.
    mutating func id(_ key: UInt64) -> Int32 {
        let slot = slot(of: key)
        if ids[slot] >= 0 { return ids[slot] }
        keys[slot] = key
        ids[slot] = Int32(count)
        count += 1
        if count * 2 > ids.count { grow() }
        return Int32(count - 1)
    }

    private mutating func grow() {
        let oldKeys = keys, oldIDs = ids
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        ids = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where id >= 0 {
            let slot = slot(of: key)  // a free one: the keys are distinct
            keys[slot] = key
            ids[slot] = id
        }
    }
}
