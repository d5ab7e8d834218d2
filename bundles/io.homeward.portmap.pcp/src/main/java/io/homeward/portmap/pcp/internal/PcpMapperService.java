package io.homeward.portmap.pcp.internal;

import io.homeward.api.portmap.PortMapper;
import io.homeward.portmap.pcp.internal.mapping.MapperStatus;

/** The mapper as the shell command sees it: the contract plus what it knows. */
interface PcpMapperService extends PortMapper {
    MapperStatus status();
}
