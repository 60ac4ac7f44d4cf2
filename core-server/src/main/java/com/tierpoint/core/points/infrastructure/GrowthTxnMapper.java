package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface GrowthTxnMapper extends BaseMapper<GrowthTxnRow> {}
