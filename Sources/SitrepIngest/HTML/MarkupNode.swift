import CLibXML2
import Foundation

/// A borrowed view of one libxml2 node; valid while its `MarkupTree` lives.
struct MarkupNode {
    let ptr: xmlNodePtr

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }
    var firstChild: MarkupNode? { ptr.pointee.children.map(MarkupNode.init) }
    var next: MarkupNode? { ptr.pointee.next.map(MarkupNode.init) }
    var parent: MarkupNode? {
        guard let p = ptr.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(ptr: p)
    }

    var children: ChildSequence { ChildSequence(first: firstChild) }

    /// The element's tag, lower case as the parsers give it; namespace prefixes are dropped.
    var tag: Tag { Tag.of(ptr.pointee.name) }

    /// The element's name as bytes without a namespace prefix ("encoded" for "content:encoded").
    var localName: String {
        guard let n = ptr.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    /// The namespace prefix of the element ("content" for content:encoded), if any.
    var prefix: String? {
        guard let ns = ptr.pointee.ns, let p = ns.pointee.prefix else { return nil }
        return String(cString: p)
    }

    /// The value of an attribute, read in place (no libxml2 allocation).
    func attribute(_ name: String) -> String? {
        var a = ptr.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, equalsIgnoringCase(n, name) {
                var s = ""
                var c = attr.pointee.children
                while let t = c {
                    if let content = t.pointee.content { s += String(cString: content) }
                    c = t.pointee.next
                }
                return s
            }
            a = attr.pointee.next
        }
        return nil
    }

    /// Text of a text node, as raw UTF-8 bytes.
    var textBytes: UnsafeBufferPointer<UInt8>? {
        guard let c = ptr.pointee.content else { return nil }
        return UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self)))
    }

    /// All text below this node, whitespace collapsed.
    var text: String {
        var out = CollapsingText()
        appendText(to: &out)
        return out.string
    }

    func appendText(to out: inout CollapsingText) {
        if isText {
            if let t = textBytes { out.append(t) }
            return
        }
        var c = firstChild
        while let n = c {
            if n.isText || (n.isElement && !n.tag.isInvisible) { n.appendText(to: &out) }
            c = n.next
        }
    }

    struct ChildSequence: Sequence, IteratorProtocol {
        var first: MarkupNode?
        mutating func next() -> MarkupNode? {
            let n = first
            first = n?.next
            return n
        }
    }
}

private func equalsIgnoringCase(_ c: UnsafePointer<xmlChar>, _ s: String) -> Bool {
    var i = 0
    for b in s.utf8 {
        var x = c[i]
        if x >= 65 && x <= 90 { x += 32 }
        if x != b { return false }
        i += 1
    }
    return c[i] == 0
}

/// Builds text with runs of white space collapsed to one space, trimmed at both ends.
struct CollapsingText {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func append<C: Collection>(_ b: C) where C.Element == UInt8 {
        var it = b.makeIterator()
        while let x = it.next() {
            if x == 32 || x == 10 || x == 13 || x == 9 || x == 12 {
                pendingSpace = true
                continue
            }
            // U+00A0 no-break space (C2 A0) counts as space too.
            if x == 0xC2 {
                if let y = it.next() {
                    if y == 0xA0 { pendingSpace = true; continue }
                    flushSpace()
                    bytes.append(x)
                    bytes.append(y)
                    continue
                }
            }
            flushSpace()
            bytes.append(x)
        }
    }

    mutating func append(_ s: String) { append(Array(s.utf8)) }

    mutating func space() { pendingSpace = true }

    private mutating func flushSpace() {
        if pendingSpace && !bytes.isEmpty { bytes.append(32) }
        pendingSpace = false
    }

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func take() -> String {
        let s = string
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        return s
    }
}
