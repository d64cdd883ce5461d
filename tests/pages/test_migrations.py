BEFORE = [("pages", "0008_historical_typical_results")]
AFTER = [("pages", "0011_delete_question")]


def test_questions_become_the_pages_last_section_as_questions_and_answers_and_back(migrate):
    old_schema = migrate(BEFORE)
    page = old_schema.get_model("pages", "Page").objects.create(title="Botox", slug="botox")
    old_schema.get_model("pages", "Section").objects.create(page=page, heading="Benefits", position=5)
    Question = old_schema.get_model("pages", "Question")
    Question.objects.create(page=page, question="Does it hurt?", answer="A **pinch**.", position=2)
    Question.objects.create(page=page, question="How long does it last?", answer="About three months.", position=1)

    new_schema = migrate(AFTER)
    Section = new_schema.get_model("pages", "Section")
    assert [(s.heading, s.is_faq) for s in Section.objects.order_by("position", "pk")] == [
        ("Benefits", False),
        ("Questions patients ask", True),
    ]
    faq = Section.objects.get(is_faq=True)
    assert [(item.lead, item.body_html) for item in faq.items.order_by("position")] == [
        ("How long does it last?", "About three months."),
        ("Does it hurt?", "A <strong>pinch</strong>."),
    ]
    # Restoring a page version keeps only sections with a history (pages/history.py).
    assert new_schema.get_model("pages", "HistoricalSection").objects.filter(id=faq.pk, history_type="+").exists()

    old_schema = migrate(BEFORE)
    Question = old_schema.get_model("pages", "Question")
    assert [(q.question, q.answer_html) for q in Question.objects.order_by("position")] == [
        ("How long does it last?", "<p>About three months.</p>"),
        ("Does it hurt?", "<p>A <strong>pinch</strong>.</p>"),
    ]
    assert list(old_schema.get_model("pages", "Section").objects.values_list("heading", flat=True)) == ["Benefits"]
