package com.tierpoint.core.program.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("program")
public class ProgramRow {
    /** One program per deployment: always {@link ProgramMapper#ROW_ID}. */
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long version;
    public String definition;
    public Long updatedAt;
}
