/// A growable FIFO queue over a circular buffer; empty queues allocate nothing.
@usableFromInline
package struct RingBuffer<Element> {
    @usableFromInline var storage: ContiguousArray<Element?> = []
    @usableFromInline var head = 0
    @usableFromInline package internal(set) var count = 0

    /// Creates an empty queue.
    @inlinable
    package init() {}

    /// Whether the queue holds no element.
    @inlinable
    package var isEmpty: Bool { count == 0 }

    /// Appends `element` at the back.
    @inlinable
    package mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        var index = head + count
        if index >= storage.count { index -= storage.count }
        storage[index] = element
        count += 1
    }

    /// Removes and returns the front element, or `nil` when empty.
    @inlinable
    package mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head += 1
        if head == storage.count { head = 0 }
        count -= 1
        if count == 0 { head = 0 }
        return element
    }

    /// Removes every element and releases the storage.
    @inlinable
    package mutating func removeAll() {
        storage = []
        head = 0
        count = 0
    }

    @inlinable
    mutating func grow() {
        let newCapacity = Swift.max(4, storage.count * 2)
        var grown = ContiguousArray<Element?>(repeating: nil, count: newCapacity)
        for i in 0..<count {
            var index = head + i
            if index >= storage.count { index -= storage.count }
            grown[i] = storage[index].take()
        }
        storage = grown
        head = 0
    }
}
