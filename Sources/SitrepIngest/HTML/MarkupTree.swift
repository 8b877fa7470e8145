import CLibXML2

/// A parsed HTML page or XML feed (libxml2), freed when this object goes.
///
/// libxml2 is a maintained parser that recovers from broken markup the way browsers do; its HTML parser is
/// HTML 4 based but keeps unknown (HTML5, AMP) elements in the tree, which is all the text finder needs.
final class MarkupTree {
    let doc: xmlDocPtr

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    private init(doc: xmlDocPtr) { self.doc = doc }
    deinit { xmlFreeDoc(doc) }

    /// Parses an HTML page given as UTF-8 (the caller has already decoded its charset).
    static func html(_ utf8: [UInt8]) -> MarkupTree? {
        _ = initialized
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        let doc = utf8.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                htmlReadMemory($0, Int32(b.count), nil, "UTF-8", options)
            }
        }
        return doc.map(MarkupTree.init)
    }

    /// Parses XML (a feed) given as UTF-8; recovers from errors; never fetches external entities.
    static func xml(_ utf8: [UInt8]) -> MarkupTree? {
        _ = initialized
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue)
        let doc = utf8.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                xmlReadMemory($0, Int32(b.count), nil, "UTF-8", options)
            }
        }
        return doc.map(MarkupTree.init)
    }

    var root: MarkupNode? { xmlDocGetRootElement(doc).map(MarkupNode.init) }

    /// The first element with this tag, depth first.
    func first(_ tag: Tag) -> MarkupNode? {
        guard let r = root else { return nil }
        return MarkupTree.first(tag, in: r)
    }

    static func first(_ tag: Tag, in n: MarkupNode) -> MarkupNode? {
        if n.isElement && n.tag == tag { return n }
        for c in n.children where c.isElement {
            if let f = first(tag, in: c) { return f }
        }
        return nil
    }

    /// Calls `body` on every element, depth first, in document order.
    func forEachElement(_ body: (MarkupNode) -> Void) {
        guard let r = root else { return }
        MarkupTree.walk(r, body)
    }

    private static func walk(_ n: MarkupNode, _ body: (MarkupNode) -> Void) {
        body(n)
        var c = n.firstChild
        while let x = c {
            if x.isElement { walk(x, body) }
            c = x.next
        }
    }
}
