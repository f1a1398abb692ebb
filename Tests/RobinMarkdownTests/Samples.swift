import RobinMarkdown

/// Markdown shaped like the weekly report, with a hostile department name.
enum Samples {
    static let hostile = "R&D | <script>alert(1)</script> *Ops*"

    static let report = """
        # Hybrid work report — 2026-W47

        17–23 November 2026 · Acme HQ and Annex · Europe/Berlin

        ## Headline

        Table: Headline KPIs against the previous week

        | KPI | This week | Change | 8-week trend |
        |:--|--:|--:|:--|
        | People in office | 412 | ▲ 3.1 pp | ![People in office, 8 weeks](charts/trend-people.svg) |
        | Desk utilization | 61.4% | ▼ 1.2 pp | ![Desk utilization, 8 weeks](charts/trend-desks.svg) |
        | Ghost-meeting rate | 7.9% | — | |

        ![Daily attendance, Monday to Friday](charts/daily.svg)

        ## By department

        | Department | Days in office¹ | Policy adherence |
        |:--|--:|--:|
        | \(MarkdownEscape.inline(hostile)) | 2.4 | 71% |
        | Sales | 3.1 | 88% |

        ---

        ¹ *Days in office*: distinct local days with a checked-in desk reservation, per person.
        Data window: 10 exports, 18 204 rows read, 17 950 after de-duplication.

        """
}
