import CLibXML2

/// The HTML elements the main-text finder treats specially; every other name is `.other` (inline).
enum Tag: UInt8 {
    case other
    // Never text: scripts, styles, media, form controls.
    case script, style, noscript, template, head, svg, math, iframe, object, embed, canvas, video, audio, picture,
         img, input, select, textarea, button, option, label, map, ampElement
    // Page furniture, never the article's text.
    case nav, header, footer, aside, form, figure, figcaption, menu, dialog, h1
    // One paragraph each.
    case p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th
    // Containers.
    case div, section, article, main, ul, ol, dl, table, tbody, thead, tr, body, html, address, center, details,
         summary
    // Inline that matters.
    case a, br, hr, time

    var isInvisible: Bool { rawValue >= Tag.script.rawValue && rawValue <= Tag.ampElement.rawValue }
    var isFurniture: Bool { rawValue >= Tag.nav.rawValue && rawValue <= Tag.h1.rawValue }
    var isParagraph: Bool { rawValue >= Tag.p.rawValue && rawValue <= Tag.th.rawValue }
    var isContainer: Bool { rawValue >= Tag.div.rawValue && rawValue <= Tag.summary.rawValue }
    var isBlock: Bool { isParagraph || isContainer || isFurniture || self == .hr }
    var isHeading: Bool { rawValue >= Tag.h2.rawValue && rawValue <= Tag.h6.rawValue }

    private static let byHash: [UInt64: Tag] = {
        let names: [(String, Tag)] = [
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template),
            ("head", .head), ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object),
            ("embed", .embed), ("canvas", .canvas), ("video", .video), ("audio", .audio), ("picture", .picture),
            ("img", .img), ("input", .input), ("select", .select), ("textarea", .textarea), ("button", .button),
            ("option", .option), ("label", .label), ("map", .map), ("nav", .nav), ("header", .header), ("footer", .footer),
            ("aside", .aside), ("form", .form), ("figure", .figure), ("figcaption", .figcaption), ("menu", .menu),
            ("dialog", .dialog), ("h1", .h1), ("p", .p), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5),
            ("h6", .h6), ("li", .li), ("blockquote", .blockquote), ("pre", .pre), ("dd", .dd), ("dt", .dt),
            ("td", .td), ("th", .th), ("div", .div), ("section", .section), ("article", .article), ("main", .main),
            ("ul", .ul), ("ol", .ol), ("dl", .dl), ("table", .table), ("tbody", .tbody), ("thead", .thead),
            ("tr", .tr), ("body", .body), ("html", .html), ("address", .address), ("center", .center),
            ("details", .details), ("summary", .summary), ("a", .a), ("br", .br), ("hr", .hr), ("time", .time),
        ]
        var d: [UInt64: Tag] = [:]
        for (n, t) in names { d[hash(Array(n.utf8))] = t }
        return d
    }()

    private static func hash<C: Collection>(_ b: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x >= 65 && x <= 90 ? x + 32 : x)) &* 0x100_0000_01b3 }
        return h
    }

    static func of(_ name: UnsafePointer<xmlChar>?) -> Tag {
        guard let name else { return .other }
        var n = 0
        while name[n] != 0 { n += 1 }
        let b = UnsafeBufferPointer(start: name, count: n)
        // Custom elements of AMP pages (amp-img, amp-ad, amp-analytics) are media or ads.
        if n > 4 && b[0] | 32 == 97 && b[1] | 32 == 109 && b[2] | 32 == 112 && b[3] == 45 { return .ampElement }
        return byHash[hash(b)] ?? .other
    }
}
