from pipeline.core.domain import strategy_title


def test_a_strategy_title_prints_the_placeholder_alone() -> None:
    """ผด.02/1 of items no heading placed: "(ไม่ระบุยุทธศาสตร์)", never "ยุทธศาสตร์(ไม่ระบุยุทธศาสตร์)"."""
    assert strategy_title("") == "(ไม่ระบุยุทธศาสตร์)"
    assert strategy_title("การพัฒนาด้านโครงสร้างพื้นฐาน") == "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
    assert strategy_title("ยุทธศาสตร์การพัฒนาคน") == "ยุทธศาสตร์การพัฒนาคน"
