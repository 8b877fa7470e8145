/// Turns the chosen part of a page into paragraphs: one per paragraph element (p, li, h2–h6, blockquote…),
/// one per run of loose text between blocks; drops paragraphs that are mostly links or page labels.
struct ParagraphBuilder {
    let lexicon: BoilerplateLexicon
    let junk: (MarkupNode) -> Bool
    private(set) var paragraphs: [String] = []
    private var current = CollapsingText()
    private var linkBytes = 0
    private var totalBytes = 0
    private var timeBytes = 0
    /// The current paragraph comes from a p element or loose text (not a heading, list item or quotation).
    private var plain = true

    init(lexicon: BoilerplateLexicon, junk: @escaping (MarkupNode) -> Bool) {
        self.lexicon = lexicon
        self.junk = junk
    }

    mutating func block(_ n: MarkupNode) {
        if n.isText {
            inline(n, inLink: false)
            return
        }
        guard n.isElement, !junk(n) else { return }
        let tag = n.tag
        if tag.isParagraph {
            flush()
            plain = tag == .p || tag == .dd || tag == .td
            inline(n, inLink: false)
            flush()
        } else if tag.isBlock {
            flush()
            for c in n.children { block(c) }
            flush()
        } else {
            inline(n, inLink: false)
        }
    }

    /// Adds everything below `n` to the current paragraph.
    private mutating func inline(_ n: MarkupNode, inLink: Bool, inTime: Bool = false) {
        if n.isText {
            guard let t = n.textBytes else { return }
            let before = current.bytes.count
            current.append(t)
            let added = current.bytes.count - before
            totalBytes += added
            if inLink { linkBytes += added }
            if inTime { timeBytes += added }
            return
        }
        guard n.isElement, !junk(n) else { return }
        let tag = n.tag
        if tag == .br || tag.isBlock { current.space() }
        let link = inLink || tag == .a
        let time = inTime || tag == .time
        for c in n.children { inline(c, inLink: link, inTime: time) }
        if tag.isBlock { current.space() }
    }

    mutating func flush() {
        defer {
            linkBytes = 0
            totalBytes = 0
            timeBytes = 0
            plain = true
        }
        guard !current.isEmpty else { return }
        let share = totalBytes > 0 ? Double(linkBytes) / Double(totalBytes) : 0
        // a paragraph that is only a time stamp ("18.40 BST")
        let onlyTime = totalBytes > 0 && timeBytes * 10 >= totalBytes * 9
        let p = current.take()
        if share > 0.5 || onlyTime || lexicon.isFurniture(paragraph: p, linkShare: share) { return }
        if plain && BoilerplateLexicon.isMetaLine(p) { return }
        paragraphs.append(p)
    }
}
