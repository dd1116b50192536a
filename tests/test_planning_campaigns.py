"""Campaigns (dates, channels, budget caps, UTM links) and hashtag sets, as a planner sees them."""

from __future__ import annotations

from pathlib import Path

from calendars_for_tests import calendar, line_of, plan_text, posts_of, write_repo

from smmplan.pipeline import plan_one

MARCH = "{start: 2027-03-01, end: 2027-03-31}"

BASE = """\
channels:
  ig:
    network: instagram
    slots:
      - days: [mon, wed, fri]
        times: ["10:00"]
  x:
    network: x
    slots:
      - days: [tue]
        times: ["09:00"]
"""

SALE = """\
campaigns:
  spring-sale:
    name: Spring sale
    start: 2027-03-08
    end: 2027-03-21
    channels: [ig]
    budget: {amount: 1000, currency: EUR}
    utm: {source: instagram, medium: social, campaign: spring26}
    hashtags: ["#SpringSale", "+shop"]
    pillar: promotion
hashtag_sets:
  shop: ["#Shop", "#Valencia"]
"""


def found(planned, code: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in planned.problems if p.code == code]


def plan(tmp_path: Path, body: str):
    text = calendar(BASE + SALE + body, period=MARCH)
    return text, plan_text(tmp_path, text)


def test_a_post_inherits_the_campaigns_hashtags_pillar_and_tagged_link(tmp_path: Path) -> None:
    _, planned = plan(
        tmp_path,
        """\
posts:
  - id: launch
    date: 2027-03-08
    channels: [ig]
    text: "Spring sale!"
    link: "https://shop.example/sale?ref=bio#top"
    campaign: spring-sale
""",
    )
    (post,) = [p for p in posts_of(planned) if p.source_id == "launch"]
    assert post.hashtags == ["#SpringSale", "#Shop", "#Valencia"]
    assert post.pillar == "promotion"
    assert post.link == (
        "https://shop.example/sale?ref=bio&utm_source=instagram&utm_medium=social"
        f"&utm_campaign=spring26&utm_content={post.id}#top"
    )


def test_own_hashtags_and_pillar_win_and_existing_utm_is_kept_with_one_warning(
    tmp_path: Path,
) -> None:
    text, planned = plan(
        tmp_path,
        """\
themes:
  - id: deals
    name: Deals
    days: [mon, wed, fri]
    channels: [ig]
    text: "Deal of the day"
    hashtags: ["#Deal", "#deal", "+shop", "#shop"]
    pillar: offers
    campaign: spring-sale
posts:
  - id: launch
    date: 2027-03-09
    channels: [x]
    text: "Spring sale!"
    link: "https://shop.example/?utm_source=newsletter&q=a b"
    campaign: spring-sale
""",
    )
    theme_post = next(p for p in posts_of(planned) if p.source_id == "deals")
    assert theme_post.hashtags == ["#Deal", "#Shop", "#Valencia"]
    assert theme_post.pillar == "offers"
    launch = next(p for p in posts_of(planned) if p.source_id == "launch")
    assert "utm_source=newsletter" in launch.link and "utm_source=instagram" not in launch.link
    assert "utm_campaign=spring26" in launch.link
    utm = found(planned, "W703")
    assert [line for line, _, _ in utm] == [line_of(text, "utm_source=newsletter")]
    # the theme runs outside the campaign's dates: one warning for the entry, not per post
    outside = found(planned, "W701")
    assert len(outside) == 1 and "fall outside campaign 'spring-sale'" in outside[0][2]
    # x is not a channel of the campaign
    channel = found(planned, "W702")
    assert len(channel) == 1 and "not on x" in channel[0][2]


def test_an_unknown_campaign_is_an_error_with_a_did_you_mean(tmp_path: Path) -> None:
    text, planned = plan(
        tmp_path,
        """\
posts:
  - id: launch
    date: 2027-03-08
    text: "Spring sale!"
    campaign: spring-sal
""",
    )
    ((line, col, message),) = found(planned, "E701")
    assert line == line_of(text, "    campaign: spring-sal")
    assert "did you mean 'spring-sale'?" in message and planned.schedule is None


def test_over_the_budget_cap_is_an_error_at_the_campaign(tmp_path: Path) -> None:
    text, planned = plan(
        tmp_path,
        """\
posts:
  - id: boost
    date: 2027-03-08
    channels: [ig]
    text: "Boosted"
    campaign: spring-sale
    budget: 750
  - id: weekly-ad
    rrule: "FREQ=WEEKLY;BYDAY=WE"
    channels: [ig]
    text: "Weekly ad"
    campaign: spring-sale
    budget: "250 EUR"
""",
    )
    ((line, _, message),) = found(planned, "E705")
    # 750 + 250 x 2 Wednesdays of the campaign (10 and 17 March)
    assert message.startswith("spring-sale plans 1,250.00 EUR of 1,000.00 EUR")
    assert line == line_of(text, "budget: {amount: 1000")


def test_a_budget_in_another_currency_is_an_error(tmp_path: Path) -> None:
    text, planned = plan(
        tmp_path,
        """\
posts:
  - id: boost
    date: 2027-03-08
    text: "Boosted"
    campaign: spring-sale
    budget: {amount: 20, currency: USD}
""",
    )
    assert [line for line, _, _ in found(planned, "E706")] == [line_of(text, "currency: USD")]


def test_bad_campaign_input_is_reported_where_it_is_written(tmp_path: Path) -> None:
    text = calendar(
        BASE
        + """\
campaigns:
  a:
    start: 2027-03-10
    end: 2027-03-01
  b:
    start: 2027-03-01
    end: 2027-03-02
    budget: {amount: lots, currency: EUR}
  c:
    start: 2027-03-01
    end: 2027-03-02
    budget: {amount: 10, currency: EURO}
""",
        period=MARCH,
    )
    planned = plan_text(tmp_path, text)
    problems = {(p.code, p.line) for p in planned.problems}
    assert ("E703", line_of(text, "amount: lots")) in problems
    assert ("E704", line_of(text, "EURO")) in problems
    # E702 comes from the cross-entry checks, which run once the schema is clean
    fixed = text.replace("amount: lots", "amount: 5").replace("EURO", "EUR")
    planned = plan_text(tmp_path, fixed)
    assert [(p.code, p.line) for p in planned.problems if p.level == "error"] == [
        ("E702", line_of(fixed, "end: 2027-03-01"))
    ]


def test_hashtag_sets_unknown_and_cycles(tmp_path: Path) -> None:
    text = calendar(
        BASE
        + """\
hashtag_sets:
  a: ["#A", "+b"]
  b: ["#B", "+a"]
  coffee: ["#Coffee"]
themes:
  - name: Tip
    days: [mon]
    text: "Tip"
    hashtags: ["+cofee"]
""",
        period=MARCH,
    )
    planned = plan_text(tmp_path, text)
    unknown = found(planned, "E707")
    assert unknown == [(line_of(text, "+cofee"), unknown[0][1], unknown[0][2])]
    assert "did you mean 'coffee'?" in unknown[0][2]
    cycle = found(planned, "E708")
    assert cycle and "a -> b -> a" in cycle[0][2]


def test_hashtag_limits_are_checked_after_expansion(tmp_path: Path) -> None:
    text = calendar(
        BASE
        + """\
hashtag_sets:
  many: ["#One", "#Two", "#Three", "#Four"]
themes:
  - name: Tip
    days: [mon, tue]
    text: "Tip"
    hashtags: ["+many", "#Five", "#Six"]
""",
        period=MARCH,
    )
    planned = plan_one(write_repo(tmp_path, text), None, lint=True)
    line = line_of(text, "- name: Tip")
    # Instagram allows 5 (W311), X warns past 3 (W704): each at the theme
    assert [p.line for p in planned.problems if p.code == "W311"][:1] == [line]
    assert [p.line for p in planned.problems if p.code == "W704"] == [line]


def test_free_text_campaigns_stay_valid_without_a_campaigns_map(tmp_path: Path) -> None:
    text = calendar(
        BASE
        + """\
posts:
  - id: p
    date: 2027-03-08
    channels: [ig]
    text: "Hi"
    campaign: anything-goes
    budget: 40
""",
        period=MARCH,
    )
    planned = plan_text(tmp_path, text)
    assert planned.schedule is not None
    assert {p.budget for p in posts_of(planned)} == {40.0}
