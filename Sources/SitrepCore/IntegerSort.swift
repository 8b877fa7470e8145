extension Array where Element == UInt64 {
    /// Sorts in place by value: a quicksort over the buffer (median of three, insertion sort below 16).
    ///
    /// The standard `sort()` is a stable merge sort through a comparison closure, three times slower on the
    /// few hundred hashes of a document's shingles; integers need no stability.
    ///
    /// From `IntegerSort.radixThreshold` values on, a radix sort of the top bits: hashes are random, and the
    /// quicksort's comparisons were mispredicted half the time (it led the profile of `sitrep extract` in cycles).
    public mutating func sortIntegers() {
        withUnsafeMutableBufferPointer { b in
            guard b.count > 1 else { return }
            if b.count >= IntegerSort.radixThreshold {
                IntegerSort.radixSort(b)
            } else {
                let depth = 2 * (Int.bitWidth - b.count.leadingZeroBitCount)
                IntegerSort.quicksort(b.baseAddress!, 0, b.count - 1, depth: depth)
            }
        }
    }
}

enum IntegerSort {
    static let radixThreshold = 256

    /// By the top sixteen bits in two counting passes (least significant byte first, between the array and a
    /// scratch buffer), then an insertion sort, which has next to nothing to move in random hashes. Values
    /// that share their top bits (not hashes) make it move too much: past a budget, a quicksort finishes.
    static func radixSort(_ b: UnsafeMutableBufferPointer<UInt64>) {
        let n = b.count
        let a = b.baseAddress!
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2 * 256)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: 2 * 256)
        for v in b {
            counts[Int(truncatingIfNeeded: v >> 48) & 255] += 1
            counts[256 | Int(truncatingIfNeeded: v >> 56)] += 1
        }
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        defer { scratch.deallocate() }
        var from = a, to = scratch
        for d in 0..<2 {
            let c = counts + d << 8
            let shift = UInt64(48 + d * 8)
            // one bucket holds every value: this byte orders nothing
            if c[Int(truncatingIfNeeded: from[0] >> shift) & 255] == n { continue }
            var sum = 0
            for k in 0..<256 {
                let x = c[k]
                c[k] = sum
                sum += x
            }
            for i in 0..<n {
                let v = from[i]
                let k = Int(truncatingIfNeeded: v >> shift) & 255
                to[c[k]] = v
                c[k] += 1
            }
            swap(&from, &to)
        }
        if from != a { a.update(from: from, count: n) }
        var budget = 8 * n
        for k in 1..<n {
            let v = a[k]
            var m = k - 1
            while m >= 0 && a[m] > v {
                a[m + 1] = a[m]
                m -= 1
            }
            a[m + 1] = v
            budget -= k - 1 - m
            if budget < 0 {
                quicksort(a, 0, n - 1, depth: 2 * (Int.bitWidth - n.leadingZeroBitCount))
                return
            }
        }
    }

    static func quicksort(_ a: UnsafeMutablePointer<UInt64>, _ lo: Int, _ hi: Int, depth: Int) {
        var lo = lo, hi = hi, depth = depth
        while hi - lo >= 16 {
            if depth == 0 {
                // pathological input: a heap sort of the range bounds the time
                heapsort(a + lo, hi - lo + 1)
                return
            }
            depth -= 1
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // recurse into the smaller side, loop on the larger: the stack stays logarithmic
            if j - lo < hi - i {
                quicksort(a, lo, j, depth: depth)
                lo = i
            } else {
                quicksort(a, i, hi, depth: depth)
                hi = j
            }
        }
        guard hi > lo else { return }
        for k in (lo + 1)...hi {
            let v = a[k]
            var m = k - 1
            while m >= lo && a[m] > v {
                a[m + 1] = a[m]
                m -= 1
            }
            a[m + 1] = v
        }
    }

    static func heapsort(_ a: UnsafeMutablePointer<UInt64>, _ n: Int) {
        func sift(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end && a[child] < a[child + 1] { child += 1 }
                guard a[root] < a[child] else { return }
                a.swapAt(root, child)
                root = child
            }
        }
        for s in stride(from: n / 2 - 1, through: 0, by: -1) { sift(s, n) }
        for end in stride(from: n - 1, to: 0, by: -1) {
            a.swapAt(0, end)
            sift(0, end)
        }
    }
}

extension UnsafeMutablePointer where Pointee == UInt64 {
    @inline(__always) fileprivate func swapAt(_ i: Int, _ j: Int) {
        let t = self[i]
        self[i] = self[j]
        self[j] = t
    }
}
