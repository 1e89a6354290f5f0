//! The embedded dictionary of budget terms, added to jieba's own so that
//! segmentation keeps them whole (一般公共预算, not 一般/公共/预算) while
//! search mode still indexes their parts.

/// Budget vocabulary, one term a line.
pub const BUDGET_TERMS: &str = "\
一般公共预算
一般公共预算收入
一般公共预算支出
政府性基金
政府性基金预算
国有资本经营预算
社会保险基金
社会保险基金预算
专项债券
一般债券
再融资债券
政府债券
地方政府债券
新增债券
专项债务
一般债务
政府债务
债务限额
债务余额
留抵退税
增值税留抵退税
预算稳定调节基金
转移支付
一般性转移支付
专项转移支付
上解支出
上级补助收入
税收返还
调入资金
上年结转
结转下年
滚存结余
年末滚存结余
税收收入
非税收入
民生支出
财力
总财力
还本付息
付息
利息
节约率
审减率
审减金额
预算草案
调整预算
年初预算
决算
预计执行
国有土地使用权出让收入
土地出让收入
三公经费
政府采购
惠民惠农
一卡通
专项债
转贷收入
债务转贷收入
城乡居民基本养老保险
";
