/// A first-in first-out queue over an array with a moving head: O(1) amortized push and pop.
struct FIFO<Element> {
    private var storage: [Element] = []
    private var headIndex = 0

    /// Whether the queue holds no element.
    var isEmpty: Bool { headIndex == storage.count }

    /// The number of queued elements.
    var count: Int { storage.count - headIndex }

    /// The oldest element.
    var first: Element? { isEmpty ? nil : storage[headIndex] }

    /// Appends an element at the back.
    mutating func append(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the oldest element.
    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = storage[headIndex]
        headIndex += 1
        if headIndex == storage.count {
            storage.removeAll(keepingCapacity: true)
            headIndex = 0
        } else if headIndex >= 1024, headIndex * 2 >= storage.count {
            storage.removeFirst(headIndex)
            headIndex = 0
        }
        return element
    }
}
