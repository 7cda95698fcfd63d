#!/usr/bin/python3
"""Writes a labelled complaint corpus (CSV) for analysis.classify's tests.

usage: make_corpus.py --flavour demo|noisy [--rows 3000] [--seed 7] --out FILE

Columns: phenomenon, product_model, channel, customer, lot,
quantity_affected, category, subcategory, severity, owner_department.

--flavour demo   The phenomenon texts of the demo generator
                 (core/demo/demo_generator.cpp), with light variation:
                 numbers, lots, quantities, clause order, and a severity
                 clause (line stop, batch problem) that decides the severity.
--flavour noisy  Paraphrases with synonyms, short texts, typos and character
                 swaps, zh and en mixed in one text, full-width and upper
                 case, vocabulary shared between classes (transport damage
                 vs. appearance, labels vs. documents vs. packaging,
                 delivery vs. response; 10% of texts are ones two classes
                 write alike), department cues, a missing impact clause now
                 and then, and 5% label noise per label column.

Labels. The demo generator draws severity and owner department at random,
which no classifier can learn; here they follow the text as a CQE would
set them: severity from the impact clause (critical: safety, line stop,
recall; major: batch problem; else minor), department from the
subcategory (DEPARTMENT below), switched by a cue in noisy texts (a carrier
named in a delay is logistics, firmware in a support case is R&D, ...).

Python 3 standard library only; the same arguments always write the same
bytes.
"""
import argparse
import csv
import random
import sys

# The category mix of the brief: product quality 35%, service 28%,
# logistics 22%, other 15%.
CATEGORY_MIX = [("product_quality", 0.35), ("service", 0.28), ("logistics", 0.22), ("other", 0.15)]

DEPARTMENT = {
    "welding": "production", "dimension": "production", "function": "rd",
    "appearance": "production", "material": "purchasing",
    "response": "customer_service", "attitude": "customer_service",
    "documentation": "customer_service", "technical_support": "customer_service",
    "delay": "supply_chain", "damage": "logistics", "wrong_shipment": "logistics",
    "labeling": "logistics",
    "billing": "customer_service", "packaging": "supply_chain", "other": "customer_service",
}
DEPARTMENTS = sorted(set(DEPARTMENT.values()))

# As in the demo generator.
CUSTOMERS = ["华东汽车电子有限公司", "Nordic Appliances AB", "深圳新能源科技", "Midwest Tractor Inc.",
             "苏州精密仪器", "Rhein Automotive GmbH", "成都智能家居", "Pacific Medical Devices",
             "北方重工机械", "Kansai Robotics K.K.", "杭州光电有限公司", "Iberia Solar S.L."]
TOP_PRODUCTS = ["PCBA-X100", "PSU-450W"]
OTHER_PRODUCTS = ["MOTOR-M3", "SENSOR-T7", "CABLE-HC2", "HOUSING-H5", "LED-D9", "PCBA-X200"]
CHANNELS = ["phone", "phone", "email", "email", "online", "social", "file"]

# ---- demo flavour: the demo generator's texts, with slots for the numbers.
# (category, subcategory, template); {a}..{d} are filled per record.
DEMO = {
    "product_quality": [
        ("welding", "焊点虚焊,上电后间歇性失效,抽检 {big} pcs 发现 {small} pcs 焊点开裂"),
        ("welding", "Cold solder joints on the connector; intermittent failure after power-on"),
        ("dimension", "外壳尺寸超差,装配时卡扣无法扣合"),
        ("dimension", "Housing out of tolerance: snap fit does not engage at assembly"),
        ("function", "电源模块输出电压偏低,负载 {pct}% 时跌落至 {volt} V"),
        ("appearance", "Scratches and dents on the front panel, {small} of {mid} units"),
        ("function", "传感器读数漂移,温度循环后偏差超过 ±{deg} ℃"),
        ("material", "Wrong resin grade used; parts crack at -{deg2} °C"),
    ],
    "service": [
        ("response", "客服响应慢,投诉{days_zh}天无人回复"),
        ("attitude", "Customer service agent was dismissive on the phone"),
        ("documentation", "出货检验报告缺失,客户无法入库"),
        ("technical_support", "Field engineer did not bring the replacement parts"),
    ],
    "logistics": [
        ("delay", "交货延迟 {days} 天,客户产线待料"),
        ("damage", "Cartons crushed in transit; {small} units with broken housings"),
        ("wrong_shipment", "发错型号,收到 {model_a} 而非 {model_b}"),
        ("labeling", "Labels show the wrong lot number"),
    ],
    "other": [
        ("billing", "发票金额与订单不符"),
        ("packaging", "Packaging not to the customer's specification"),
        ("other", "客户要求提供 RoHS 证明"),
    ],
}

# Impact clauses: they carry the severity.
IMPACT = {
    "critical": {"zh": ["客户产线停线", "现场冒烟,存在安全隐患", "客户要求召回", "导致客户停产"],
                 "en": ["customer line stopped", "unit smoked at the customer site", "customer asks for a recall",
                        "production line down at the customer"]},
    "major": {"zh": ["整批不良", "批量问题,多个批次出现", "同批次全部复检不合格", "批次性失效"],
              "en": ["whole lot affected", "batch problem across several lots", "entire batch rejected at incoming",
                     "recurring batch defect"]},
    "minor": {"zh": ["", "", "请尽快处理", "客户要求 8D 报告", "请回复处理方案"],
              "en": ["", "", "please advise", "customer requests an 8D report", "please send a corrective action"]},
}

ZH_DAYS = ["两", "三", "四", "五", "六"]


def is_zh(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def fill(rng, template):
    models = ["X100", "X200", "X300", "X150"]
    a, b = rng.sample(models, 2)
    return template.format(big=rng.choice([100, 150, 200, 300, 500]), small=rng.randint(2, 30),
                           mid=rng.choice([40, 50, 60, 80, 100]), pct=rng.choice([70, 80, 90, 100]),
                           volt=f"{rng.uniform(10.5, 11.8):.1f}", deg=rng.choice([1, 2, 3]),
                           deg2=rng.choice([10, 20, 30]), days=rng.randint(2, 9),
                           days_zh=rng.choice(ZH_DAYS), model_a=a, model_b=b)


def pick_category(rng):
    r = rng.random()
    acc = 0.0
    for name, share in CATEGORY_MIX:
        acc += share
        if r < acc:
            return name
    return CATEGORY_MIX[-1][0]


def pick_severity(rng):
    r = rng.random()
    return "critical" if r < 0.06 else "major" if r < 0.22 else "minor"


def split_clauses(text):
    out, cur = [], ""
    for ch in text:
        cur += ch
        if ch in ",;，；":
            out.append(cur.rstrip(",;，； "))
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    return [c for c in out if c]


def join_clauses(parts, zh):
    return ("," if zh else "; ").join(p for p in parts if p)


def fields(rng, category):
    product = rng.choice(TOP_PRODUCTS) if rng.random() < 0.8 else rng.choice(OTHER_PRODUCTS)
    return {
        "product_model": product,
        "channel": rng.choice(CHANNELS),
        "customer": rng.choice(CUSTOMERS),
        "lot": f"L{rng.choice([2024, 2025, 2026])}-{rng.randint(100, 499)}",
        "quantity_affected": 1 + int(rng.expovariate(1 / 40)),
    }


def demo_record(rng):
    category = pick_category(rng)
    sub, template = rng.choice(DEMO[category])
    text = fill(rng, template)
    zh = is_zh(text)
    lang = "zh" if zh else "en"
    severity = pick_severity(rng)
    f = fields(rng, category)
    parts = split_clauses(text)
    if len(parts) > 1 and rng.random() < 0.3:  # sentence order
        rng.shuffle(parts)
    clause = rng.choice(IMPACT[severity][lang])
    if clause:
        parts.append(clause)
    if rng.random() < 0.4:  # lots
        parts.append(f"批次 {f['lot']}" if zh else f"lot {f['lot']}")
    if rng.random() < 0.3:  # quantities
        parts.append(f"涉及 {f['quantity_affected']} pcs" if zh else f"{f['quantity_affected']} pcs affected")
    f.update(phenomenon=join_clauses(parts, zh), category=category, subcategory=sub, severity=severity,
             owner_department=DEPARTMENT[sub])
    return f


# ---- noisy flavour: paraphrases per subcategory, (zh, en, short) each.
NOISY = {
    "welding": {
        "zh": ["焊点虚焊,上电后间歇性失效", "{part}焊点开裂,振动测试后断路", "回流焊后发现连锡短路", "焊接不良,{part}脱焊",
               "板上有假焊点,客户测试时偶发重启", "焊锡不饱满,{part}引脚虚接"],
        "en": ["cold solder joints on {part_en}, intermittent failure", "solder joint cracked after vibration test",
               "solder bridge between pins of {part_en}", "poor wetting on {part_en} pads, open circuit",
               "unit resets randomly, found cracked solder on {part_en}"],
        "short": ["虚焊", "焊点开裂", "cold solder", "solder crack", "连锡"],
    },
    "dimension": {
        "zh": ["外壳尺寸超差,装配时卡扣无法扣合", "孔位偏移 {mm} mm,螺丝装不上", "{part}尺寸偏大,装不进外壳",
               "安装孔距不符图纸要求", "厚度超出公差上限"],
        "en": ["housing out of tolerance, snap fit does not engage", "hole position off by {mm} mm, screws do not fit",
               "{part_en} oversize, cannot be assembled", "thickness above the drawing tolerance",
               "mounting holes do not match the drawing"],
        "short": ["尺寸超差", "装不上", "out of tolerance", "does not fit", "孔位偏"],
    },
    "function": {
        "zh": ["电源模块输出电压偏低,负载 {pct}% 时跌落至 {volt} V", "传感器读数漂移,温度循环后偏差超过 ±{deg} ℃",
               "上电无输出,指示灯不亮", "电机运行噪音大,转速不稳", "通讯时断时续,{part}无响应", "开机后自动重启"],
        "en": ["output voltage drops to {volt} V at {pct}% load", "sensor reading drifts after thermal cycling",
               "no output after power on, LED off", "motor noisy and speed unstable", "device does not start",
               "communication drops, {part_en} not responding"],
        "short": ["不工作", "无输出", "读数漂移", "no output", "not working", "dead on arrival"],
    },
    "appearance": {
        "zh": ["前面板有划痕和凹陷,{small}/{mid} 台", "开箱发现外壳有划伤", "外壳表面色差明显", "面板掉漆、脏污",
               "外壳边缘有毛刺和压痕", "开箱后外壳有破损痕迹,疑似注塑缺陷"],
        "en": ["scratches and dents on the front panel, {small} of {mid} units", "housing scratched when unpacked",
               "visible color difference on the housing", "paint peeling on the cover", "burrs and marks on the housing edge",
               "housing cracked at the clip on unpacking, looks like a molding defect"],
        "short": ["划痕", "外观不良", "scratches", "dented cover", "色差"],
    },
    "material": {
        "zh": ["用错料,零件在 -{deg2} ℃ 开裂", "材质不符,来料检验发现树脂牌号错误", "供应商来料材质与图纸不符",
               "材料批次错误,硬度不达标"],
        "en": ["wrong resin grade used; parts crack at -{deg2} °C", "material does not match the drawing",
               "supplier shipped the wrong material grade", "hardness below spec, wrong material batch"],
        "short": ["错料", "材质不符", "wrong material", "wrong resin"],
    },
    "response": {
        "zh": ["客服响应慢,投诉{days_zh}天无人回复", "邮件发出后一直没有回复", "投诉后无人跟进,只能反复催促",
               "热线一直占线,{days_zh}天没人回电", "问题反馈一周没有任何答复"],
        "en": ["no reply to our complaint for {days} days", "nobody called back after the complaint",
               "support ticket open for a week without response", "we keep chasing, no one follows up",
               "hotline always busy, no answer"],
        "short": ["没人回复", "无人跟进", "no reply", "no response from service"],
    },
    "attitude": {
        "zh": ["客服态度差,电话里不耐烦", "售后人员推诿责任,态度恶劣", "客服直接挂电话", "工程师说话不礼貌"],
        "en": ["customer service agent was dismissive on the phone", "agent was rude and hung up",
               "support staff blamed us, unfriendly attitude", "engineer was impolite during the visit"],
        "short": ["态度差", "rude agent", "不耐烦", "dismissive"],
    },
    "documentation": {
        "zh": ["出货检验报告缺失,客户无法入库", "缺少材质证明和出货报告", "随货文件不全,缺少合格证",
               "报告上的批号和实物不一致,无法入库", "测试报告数据不完整"],
        "en": ["outgoing inspection report missing, goods blocked at receiving", "no certificate of conformance with the shipment",
               "test report incomplete", "report lot number does not match the goods, cannot receive",
               "documents missing from the delivery"],
        "short": ["缺报告", "报告缺失", "missing report", "no CoC"],
    },
    "technical_support": {
        "zh": ["现场工程师没有带备件", "技术支持无法解决问题,来了两次", "远程支持不会排查故障", "{fw}升级后问题仍在,技术支持无方案"],
        "en": ["field engineer did not bring the replacement parts", "technical support could not solve the issue",
               "service engineer came twice, problem still open", "after the {fw_en} update support has no solution"],
        "short": ["技术支持差", "no spare parts on site", "support failed", "工程师没带备件"],
    },
    "delay": {
        "zh": ["交货延迟 {days} 天,客户产线待料", "订单交期延误,未按时到货", "发货推迟一周,没有提前通知",
               "{carrier}运输延误,货物晚到 {days} 天", "交期一再推迟"],
        "en": ["delivery {days} days late, customer waiting for parts", "shipment delayed without notice",
               "order missed the delivery date", "{carrier_en} delayed the shipment by {days} days",
               "goods arrived a week late"],
        "short": ["交货延迟", "晚到", "late delivery", "delayed"],
    },
    "damage": {
        "zh": ["运输中纸箱压扁,{small} 台外壳破损", "开箱发现外壳破裂,外箱有压痕", "货物运输途中损坏",
               "外箱破损,产品外壳凹陷", "卸货时摔坏,外壳开裂"],
        "en": ["cartons crushed in transit; {small} units with broken housings", "housing cracked on unpacking, carton dented",
               "goods damaged during shipping", "outer box torn, units dented inside", "dropped at unloading, housings broken"],
        "short": ["运输破损", "外壳破损", "damaged in transit", "broken housing", "箱子压坏"],
    },
    "wrong_shipment": {
        "zh": ["发错型号,收到 {model_a} 而非 {model_b}", "少发 {small} 件,与装箱单不符", "漏发配件",
               "收到的型号与订单不一致", "混入其他型号产品"],
        "en": ["wrong model shipped, received {model_a} instead of {model_b}", "short shipment, {small} pcs missing",
               "accessories missing from the delivery", "received a different part number than ordered",
               "mixed models in one carton"],
        "short": ["发错货", "少发", "wrong part", "short shipped"],
    },
    "labeling": {
        "zh": ["标签批号错误", "外箱标签与实物不符", "标签贴错,型号写错", "条码无法扫描,标签打印模糊"],
        "en": ["labels show the wrong lot number", "carton label does not match the contents",
               "barcode cannot be scanned, label print blurred", "wrong part number on the label"],
        "short": ["标签错", "label wrong", "条码扫不出", "mislabeled"],
    },
    "billing": {
        "zh": ["发票金额与订单不符", "重复开票,需要红冲", "对账单价格错误", "发票抬头写错"],
        "en": ["invoice amount does not match the order", "billed twice for one shipment",
               "price on the statement is wrong", "invoice has the wrong company name"],
        "short": ["发票错", "开票错误", "invoice wrong", "overcharged"],
    },
    "packaging": {
        "zh": ["包装不符合客户规范", "包装方式与要求不一致,每箱数量不对", "缺少防静电包装", "包装标签位置不符合要求",
               "托盘包装不符,没有缠膜"],
        "en": ["packaging not to the customer's specification", "no ESD bags as required",
               "wrong quantity per carton, packing spec not followed", "packaging label in the wrong place",
               "pallet not wrapped per spec"],
        "short": ["包装不符", "packing spec", "no ESD bag", "包装问题"],
    },
    "other": {
        "zh": ["客户要求提供 RoHS 证明", "询问产品是否符合 REACH 要求", "客户要求补充审核资料", "客户咨询停产替代型号"],
        "en": ["customer asks for a RoHS certificate", "request for REACH declaration",
               "customer wants audit documents", "question about the replacement for an obsolete model"],
        "short": ["RoHS 证明", "REACH", "audit docs", "咨询"],
    },
}

# Cues that move a record to another owner department than its
# subcategory's usual one: (subcategory, zh cue, en cue, department).
DEPARTMENT_CUES = [
    ("delay", "承运商", "the carrier", "logistics"),
    ("technical_support", "固件", "firmware", "rd"),
    ("function", "来料元件", "a supplier component", "purchasing"),
    ("packaging", "仓库", "the warehouse", "logistics"),
    ("dimension", "设计图纸", "the design drawing", "rd"),
]

PARTS_ZH = ["连接器", "电容", "继电器", "芯片", "插座"]
PARTS_EN = ["the connector", "C12", "the relay", "U3", "J3"]
CARRIERS_ZH = ["物流公司", "承运商", "快递"]
CARRIERS_EN = ["the carrier", "the forwarder", "DHL"]

NOISY_IMPACT = {
    "critical": {"zh": ["客户产线停线", "现场冒烟", "已停线等待处理", "召回风险", "有触电风险", "客户停产"],
                 "en": ["line stopped at customer", "smoke observed", "line down", "recall risk", "shock hazard",
                        "production halted"]},
    "major": {"zh": ["整批不良", "批量问题", "多批次重复发生", "批次性", "同批全部有问题"],
              "en": ["whole lot", "batch issue", "repeated in several lots", "entire batch", "all units of the lot"]},
    "minor": {"zh": ["", "", "", "请处理", "个别现象", "单台"],
              "en": ["", "", "", "pls check", "single unit", "one piece only"]},
}

# Texts that fit two (or three) classes equally: a CQE labelled them from
# what the text does not say (the carton's state, which document). Drawn
# for 10% of noisy records, whatever their true class.
AMBIGUOUS = [
    (["damage", "appearance"], ["外壳破损", "外壳有裂纹", "housing broken", "cracked cover", "外壳开裂,客户拒收",
                                "front panel cracked on arrival", "外观受损"]),
    (["labeling", "packaging", "documentation"], ["标签问题", "label issue", "标识不对", "wrong marking on the box",
                                                  "箱唛信息不对"]),
    (["delay", "response"], ["一直没消息", "still waiting", "等了一周还没有结果", "no update for days", "催了好几次"]),
    (["wrong_shipment", "labeling"], ["型号不对", "wrong part number", "料号不符", "part number mismatch"]),
    (["billing", "other"], ["价格问题", "price question", "合同条款疑问"]),
    (["function", "welding"], ["间歇性失效", "intermittent failure", "偶发断电", "random resets"]),
    (["dimension", "material"], ["装配开裂", "cracks at assembly", "卡扣断裂"]),
]

# Words written several ways; a noisy text takes one at random.
SYNONYMS = [
    ["外壳", "壳体", "机壳"], ["客户", "客人", "终端客户"], ["发现", "检查发现", "查出"], ["产品", "货物", "物料"],
    ["housing", "enclosure", "case", "shell"], ["customer", "client", "end user"], ["units", "pcs", "pieces"],
    ["cracked", "broken", "split"], ["wrong", "incorrect"], ["missing", "absent", "not included"],
    ["delivery", "shipment", "consignment"], ["late", "delayed", "overdue"], ["label", "tag", "sticker"],
    ["问题", "异常", "不良"], ["没有", "没", "未"],
]

SIMILAR_ZH = {"焊": "汗", "虚": "需", "延": "廷", "货": "贷", "标": "票", "签": "笺", "划": "化", "痕": "恨",
              "尺": "赤", "寸": "村", "客": "各", "服": "伏", "报": "抱", "告": "靠", "装": "妆", "箱": "厢"}


def typo(rng, text):
    chars = list(text)
    if len(chars) < 4:
        return text
    i = rng.randrange(len(chars) - 1)
    kind = rng.random()
    if kind < 0.4:  # swap neighbours
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    elif kind < 0.6:  # drop one
        del chars[i]
    elif kind < 0.8:  # double one
        chars.insert(i, chars[i])
    else:  # a similar-looking / sounding character, else a neighbour swap
        hits = [k for k, c in enumerate(chars) if c in SIMILAR_ZH]
        if hits:
            k = rng.choice(hits)
            chars[k] = SIMILAR_ZH[chars[k]]
        else:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def to_fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


def noisy_fill(rng, template):
    models = ["X100", "X200", "X300", "X150"]
    a, b = rng.sample(models, 2)
    return template.format(part=rng.choice(PARTS_ZH), part_en=rng.choice(PARTS_EN), mm=rng.choice([0.2, 0.5, 1.0]),
                           small=rng.randint(2, 30), mid=rng.choice([40, 50, 60, 80, 100]),
                           pct=rng.choice([70, 80, 90, 100]), volt=f"{rng.uniform(10.5, 11.8):.1f}",
                           deg=rng.choice([1, 2, 3]), deg2=rng.choice([10, 20, 30]), days=rng.randint(2, 9),
                           days_zh=rng.choice(ZH_DAYS), model_a=a, model_b=b, carrier=rng.choice(CARRIERS_ZH),
                           carrier_en=rng.choice(CARRIERS_EN), fw="固件", fw_en="firmware")


def synonyms(rng, text):
    for group in SYNONYMS:
        for word in group:
            if word in text:
                text = text.replace(word, rng.choice(group))
                break
    return text


def noisy_record(rng):
    category = pick_category(rng)
    subs = sorted({s for s, _ in DEMO[category]})
    sub = rng.choice(subs)
    bank = NOISY[sub]
    severity = pick_severity(rng)
    r = rng.random()
    shared = [texts for classes, texts in AMBIGUOUS if sub in classes]
    if shared and rng.random() < 0.1:  # a text another class writes the same way
        text = rng.choice(rng.choice(shared))
        lang = "zh" if is_zh(text) else "en"
    elif r < 0.15:  # short
        text = noisy_fill(rng, rng.choice(bank["short"]))
        lang = "zh" if is_zh(text) else "en"
    elif r < 0.30:  # zh and en mixed in one text
        zh_part = noisy_fill(rng, rng.choice(bank["zh"]))
        en_part = noisy_fill(rng, rng.choice(bank["short"] + bank["en"]))
        text = f"{zh_part} / {en_part}" if rng.random() < 0.5 else f"{en_part},{zh_part}"
        lang = rng.choice(["zh", "en"])
    else:
        lang = "zh" if rng.random() < 0.55 else "en"
        text = noisy_fill(rng, rng.choice(bank[lang]))
    department = DEPARTMENT[sub]
    for cue_sub, cue_zh, cue_en, dept in DEPARTMENT_CUES:
        if cue_sub == sub and rng.random() < 0.3:
            text += f",涉及{cue_zh}" if lang == "zh" else f", caused by {cue_en}"
            department = dept
    if sub == "delay" and any(c in text for c in CARRIERS_ZH + CARRIERS_EN):
        department = "logistics"  # a delay the carrier caused
    # The impact clause is missing now and then: a CQE still knew the severity.
    if rng.random() < 0.85:
        clause = rng.choice(NOISY_IMPACT[severity][lang])
        if clause:
            text += ("," if lang == "zh" else ", ") + clause
    text = synonyms(rng, text)
    for _ in range(2):  # up to two slips of the finger
        if rng.random() < 0.3:
            text = typo(rng, text)
    if rng.random() < 0.1:  # shouting, or typed with a full-width IME
        text = text.upper() if rng.random() < 0.5 else to_fullwidth(text)
    f = fields(rng, category)
    f.update(phenomenon=text, category=category, subcategory=sub, severity=severity, owner_department=department)
    # 5% label noise, each label column on its own: a mistyped ledger.
    all_subs = sorted(NOISY)
    choices = {"category": [c for c, _ in CATEGORY_MIX], "subcategory": all_subs,
               "severity": ["critical", "major", "minor"], "owner_department": DEPARTMENTS}
    for column, values in choices.items():
        if rng.random() < 0.05:
            f[column] = rng.choice([v for v in values if v != f[column]])
    return f


COLUMNS = ["phenomenon", "product_model", "channel", "customer", "lot", "quantity_affected", "category",
           "subcategory", "severity", "owner_department"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--flavour", choices=["demo", "noisy"], required=True)
    ap.add_argument("--rows", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True, help="CSV file to write, - for stdout")
    args = ap.parse_args()
    rng = random.Random(f"{args.flavour}:{args.seed}")
    make = demo_record if args.flavour == "demo" else noisy_record
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="")
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for _ in range(args.rows):
        w.writerow(make(rng))
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
