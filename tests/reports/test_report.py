"""The meeting pack: PPTX opened with python-pptx, PDF read and rendered with pdfium, on the tiny dataset.

What a presenter relies on: seven slides in order with titles in the chosen language, the county table as a
real (editable) table, Chinese text that is real text in a CJK font (never tofu boxes), pages that are not
blank, user text that is never markup, and one clear line for every mistake.
"""
from __future__ import annotations

import io
import json
import re
import warnings

import numpy as np
import pypdfium2 as pdfium
import pytest
from pptx import Presentation

from reports_testutil import MINI, REAL
from reports import fonts
from reports.content import build_content
from reports.errors import FontMissingError
from reports.report import make_report, render

CJK = re.compile(r"[\u4e00-\u9fff]")
ZH_TITLES = ("赣南苏区交通规划一张图", "规划图", "出行时间", "情景比较", "项目边际效益排序", "客源市场", "数据来源与局限")
EN_TITLES = ("Gannan Planning Atlas", "The plan by status", "Travel time", "Scenario comparison", "Projects ranked",
             "Visitor markets", "Sources and limits")


@pytest.fixture(scope="module")
def content_zh():
    return build_content("plan-full", "existing", lang="zh", data_dir=MINI)


@pytest.fixture(scope="module")
def pdf_zh(content_zh):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = render(content_zh, "pdf")
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    return data, missing


def _pptx(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def _tables(slide) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in s.table.rows] for s in slide.shapes if s.has_table]


def test_pptx_has_seven_slides_with_chinese_titles_and_an_editable_county_table(content_zh):
    prs = _pptx(render(content_zh, "pptx"))
    titles = [s.shapes.title.text for s in prs.slides]
    assert len(titles) == 7
    for title, expected in zip(titles, ZH_TITLES):
        assert expected in title
    county = _tables(prs.slides[3])
    assert len(county) == 1, "the comparison slide has one table"
    names = [row[0] for row in county[0][1:]]
    assert {"甲县", "乙县"} <= set(names) and names[-1] == "赣州全市"
    assert county[0][0][0] == "县区"
    pictures = [s for s in prs.slides[1].shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1 and pictures[0].width > pictures[0].height, "the plan map is a landscape picture"


def test_pptx_in_english_has_english_titles_only():
    prs = _pptx(make_report("plan-full", "existing", fmt="pptx", lang="en", data_dir=MINI))
    titles = [s.shapes.title.text for s in prs.slides]
    for title, expected in zip(titles, EN_TITLES):
        assert expected in title
        assert not CJK.search(title), title
    county = _tables(prs.slides[3])[0]
    assert county[0][0] == "County" and "county-a" in [r[0] for r in county]


def test_pdf_pages_have_extractable_chinese_in_a_cjk_font(pdf_zh):
    data, missing = pdf_zh
    assert missing == [], "a glyph fell back to a font without it (tofu)"
    doc = pdfium.PdfDocument(data)
    assert len(doc) == 7
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    for text, expected in zip(texts, ZH_TITLES):
        assert expected in text
    assert "甲县" in texts[3] and "乙县" in texts[3]
    fonts_used = set(re.findall(rb"/BaseFont /[A-Z]{6}\+([A-Za-z0-9-]+)", data)) | set(
        re.findall(rb"/BaseFont /([A-Za-z0-9-]+)", data))
    assert any(b"CJK" in f for f in fonts_used), fonts_used


def test_pdf_page_renders_to_a_non_blank_image(pdf_zh):
    doc = pdfium.PdfDocument(pdf_zh[0])
    img = np.asarray(doc[2].render(scale=1).to_pil().convert("L"), dtype=float)
    assert img.shape[1] > img.shape[0], "16:9 landscape"
    ink = (img < 200).mean()
    assert 0.05 < ink < 0.9, f"{ink:.1%} of the page is drawn"
    title_band = img[: img.shape[0] // 7]
    assert (title_band < 100).mean() > 0.005, "the title is drawn in dark glyphs"


def test_user_text_is_never_markup(mini_copy):
    """A site name with mathtext, XML and a formula prefix is printed as it is, in both formats."""
    p = mini_copy / "layers" / "heritage_sites.geojson"
    doc = json.loads(p.read_text(encoding="utf-8"))
    hostile = "=$\\notacommand{x}$ <b>&amp;"
    doc["features"][0]["properties"]["name_zh"] = hostile
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    content = build_content("plan-full", "existing", lang="zh", data_dir=mini_copy, destination="site:site-1")
    assert hostile in content.destination_title
    prs = _pptx(render(content, "pptx"))
    assert hostile in prs.slides[5].shapes.title.text
    text = pdfium.PdfDocument(render(content, "pdf"))[5].get_textpage().get_text_range()
    assert "notacommand" in text and "<b>&amp;" in text


def test_missing_cjk_font_is_one_clear_error(monkeypatch, cli, tmp_path):
    monkeypatch.setattr(fonts, "CJK_FAMILIES", ("No Such Font SC",))
    fonts.cjk_font.cache_clear()
    try:
        with pytest.raises(FontMissingError, match="fonts-noto-cjk"):
            make_report("plan-full", fmt="pdf", data_dir=MINI)
        code, out, err = cli("report", "--scenario", "plan-full", "--out", tmp_path / "r.pdf")
        assert code == 1 and err.count("\n") == 1 and "fonts-noto-cjk" in err
        assert not (tmp_path / "r.pdf").exists()
    finally:
        fonts.cjk_font.cache_clear()


def test_cli_writes_the_report(cli, tmp_path):
    out = tmp_path / "pack.pdf"
    code, stdout, err = cli("report", "--scenario", "plan-full", "--lang", "en", "--out", out)
    assert code == 0, err
    assert out.read_bytes()[:5] == b"%PDF-" and "written to" in stdout
    assert len(pdfium.PdfDocument(out.read_bytes())) == 7


@pytest.mark.parametrize("argv, code, msg", [
    (["--scenario", "plan-full", "--out", "x.txt"], 2, "use a file ending in .pptx or .pdf"),
    (["--scenario", "plan-full", "--out", "no/such/dir/x.pdf"], 2, "does not exist"),
    (["--scenario", "plan-full", "--lang", "fr", "--out", "x.pdf"], 2, "invalid choice"),
    (["--scenario", "plan-full", "--grid", "0", "--out", "x.pdf"], 2, "0.5 to 20 km"),
    (["--scenario", "no-such-plan", "--out", "x.pdf"], 1, "unknown scenario"),
    (["--scenario", "plan-full", "--destination", "cluster:nowhere", "--out", "x.pdf"], 1, "destination"),
])
def test_cli_mistakes_are_one_line_without_traceback(cli, tmp_path, monkeypatch, argv, code, msg):
    monkeypatch.chdir(tmp_path)
    got, out, err = cli("report", *argv)
    assert got == code
    assert msg in err and "Traceback" not in err
    assert not list(tmp_path.glob("x.*"))


@pytest.mark.slow
def test_real_data_report_has_every_county(tmp_path):
    prs = _pptx(make_report("2035", "existing", fmt="pptx", lang="zh", data_dir=REAL))
    table = _tables(prs.slides[3])[0]
    assert len(table) == 1 + 18 + 1, "header, 18 counties, the whole prefecture"
    assert {"瑞金市", "于都县", "章贡区"} <= {r[0] for r in table}
    doc = pdfium.PdfDocument(make_report("2035", "existing", fmt="pdf", lang="zh", data_dir=REAL))
    assert len(doc) == 7 and "瑞金" in doc[3].get_textpage().get_text_range()
